; Gatehouse installer for Windows (NSIS 3, Unicode, 64-bit).
;
;   makensis -DVERSION=0.1.0 -DBINDIR=C:\path\to\deploy -DOUTFILE=gatehouse-0.1.0-setup.exe gatehouse.nsi
;
; BINDIR holds gatehoused.exe, gatehousectl.exe and gatehouse.exe with the Qt and
; OpenSSL DLLs beside them, as windeployqt leaves them (see README.md here).
;
; What it does:
; - installs everything under BINDIR to "Program Files\Gatehouse";
; - registers the service with `gatehoused --install-service` (automatic start,
;   account NT SERVICE\Gatehouse, restarted on failure), which also creates
;   %ProgramData%\Gatehouse and its state directory with an ACL of their own:
;   SYSTEM, Administrators and the service only, nothing inherited; then starts it;
; - adds a Start menu entry for the desktop app (run as administrator: the
;   control pipe admits Administrators and SYSTEM only);
; - the uninstaller stops and removes the service (`--uninstall-service`) and
;   keeps the config, certificates and keys unless "Remove configuration,
;   certificates and keys" is ticked;
; - speaks English, German, French or Spanish, after Windows' display language.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BINDIR
  !error "pass -DBINDIR=<directory with gatehoused.exe, gatehousectl.exe, gatehouse.exe and their DLLs>"
!endif
!ifndef OUTFILE
  !define OUTFILE "gatehouse-${VERSION}-setup.exe"
!endif

!define PRODUCT "Gatehouse"
!define SERVICE "Gatehouse"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Gatehouse"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "Gatehouse contributors"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(RunAppText)"
!define MUI_FINISHPAGE_RUN_FUNCTION OpenApp
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UnComponentsText)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"

; Every text of our own, in each language above (makensis -WX fails on one left out).
; The language follows Windows' display language.
LangString RunAppText ${LANG_ENGLISH} "Open the Gatehouse app"
LangString RunAppText ${LANG_GERMAN} "Gatehouse-App öffnen"
LangString RunAppText ${LANG_FRENCH} "Ouvrir l'application Gatehouse"
LangString RunAppText ${LANG_SPANISH} "Abrir la aplicación Gatehouse"

LangString UnComponentsText ${LANG_ENGLISH} "The service is stopped and removed. Tick the box below to delete its configuration, certificates and keys as well; leave it to keep them for a later installation."
LangString UnComponentsText ${LANG_GERMAN} "Der Dienst wird beendet und entfernt. Setzen Sie unten das Häkchen, um auch seine Konfiguration, Zertifikate und Schlüssel zu löschen; ohne Häkchen bleiben sie für eine spätere Installation erhalten."
LangString UnComponentsText ${LANG_FRENCH} "Le service est arrêté et supprimé. Cochez la case ci-dessous pour supprimer aussi sa configuration, ses certificats et ses clés ; laissez-la vide pour les conserver en vue d'une installation ultérieure."
LangString UnComponentsText ${LANG_SPANISH} "El servicio se detiene y se elimina. Marque la casilla de abajo para borrar también su configuración, certificados y claves; déjela sin marcar para conservarlos para una instalación posterior."

LangString Needs64BitText ${LANG_ENGLISH} "Gatehouse needs 64-bit Windows."
LangString Needs64BitText ${LANG_GERMAN} "Gatehouse benötigt ein 64-Bit-Windows."
LangString Needs64BitText ${LANG_FRENCH} "Gatehouse nécessite Windows 64 bits."
LangString Needs64BitText ${LANG_SPANISH} "Gatehouse necesita Windows de 64 bits."

LangString RunningText ${LANG_ENGLISH} "Running:"
LangString RunningText ${LANG_GERMAN} "Ausführen:"
LangString RunningText ${LANG_FRENCH} "Exécution :"
LangString RunningText ${LANG_SPANISH} "Ejecutando:"

LangString RegisterFailedText ${LANG_ENGLISH} "Registering the Gatehouse service failed (exit code $0); see the details above. Run $\"$INSTDIR\gatehoused.exe$\" --install-service from an elevated prompt to retry."
LangString RegisterFailedText ${LANG_GERMAN} "Die Registrierung des Gatehouse-Dienstes ist fehlgeschlagen (Exit-Code $0); Einzelheiten stehen oben. Führen Sie $\"$INSTDIR\gatehoused.exe$\" --install-service in einer Eingabeaufforderung mit Administratorrechten aus, um es erneut zu versuchen."
LangString RegisterFailedText ${LANG_FRENCH} "L'enregistrement du service Gatehouse a échoué (code de sortie $0) ; voir les détails ci-dessus. Exécutez $\"$INSTDIR\gatehoused.exe$\" --install-service depuis une invite de commandes en tant qu'administrateur pour réessayer."
LangString RegisterFailedText ${LANG_SPANISH} "El registro del servicio Gatehouse falló (código de salida $0); vea los detalles arriba. Ejecute $\"$INSTDIR\gatehoused.exe$\" --install-service desde un símbolo del sistema como administrador para reintentarlo."

LangString StartFailedText ${LANG_ENGLISH} "The Gatehouse service was installed but did not start (exit code $0). Its reason is in the Application event log under $\"Gatehouse$\"."
LangString StartFailedText ${LANG_GERMAN} "Der Gatehouse-Dienst wurde installiert, ist aber nicht gestartet (Exit-Code $0). Den Grund finden Sie im Ereignisprotokoll „Anwendung“ unter $\"Gatehouse$\"."
LangString StartFailedText ${LANG_FRENCH} "Le service Gatehouse a été installé mais n'a pas démarré (code de sortie $0). La raison figure dans le journal d'événements Application, sous $\"Gatehouse$\"."
LangString StartFailedText ${LANG_SPANISH} "El servicio Gatehouse se instaló pero no se inició (código de salida $0). El motivo está en el registro de eventos de Aplicación, bajo $\"Gatehouse$\"."

LangString UnSecDataName ${LANG_ENGLISH} "Remove configuration, certificates and keys"
LangString UnSecDataName ${LANG_GERMAN} "Konfiguration, Zertifikate und Schlüssel entfernen"
LangString UnSecDataName ${LANG_FRENCH} "Supprimer la configuration, les certificats et les clés"
LangString UnSecDataName ${LANG_SPANISH} "Eliminar la configuración, los certificados y las claves"

LangString UnSecMainText ${LANG_ENGLISH} "Stop and remove the Gatehouse service and its programs."
LangString UnSecMainText ${LANG_GERMAN} "Den Gatehouse-Dienst beenden und samt seinen Programmen entfernen."
LangString UnSecMainText ${LANG_FRENCH} "Arrêter et supprimer le service Gatehouse et ses programmes."
LangString UnSecMainText ${LANG_SPANISH} "Detener y eliminar el servicio Gatehouse y sus programas."

LangString UnSecDataText ${LANG_ENGLISH} "Also delete %ProgramData%\Gatehouse: config.json, the ACME account, certificates and private keys."
LangString UnSecDataText ${LANG_GERMAN} "Auch %ProgramData%\Gatehouse löschen: config.json, das ACME-Konto, Zertifikate und private Schlüssel."
LangString UnSecDataText ${LANG_FRENCH} "Supprimer aussi %ProgramData%\Gatehouse : config.json, le compte ACME, les certificats et les clés privées."
LangString UnSecDataText ${LANG_SPANISH} "Borrar también %ProgramData%\Gatehouse: config.json, la cuenta ACME, los certificados y las claves privadas."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Needs64BitText)"
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

; Runs a command, logging its output; leaves its exit code in $0 ("error" when it could not run).
!macro Run COMMAND
  DetailPrint '$(RunningText) ${COMMAND}'
  nsExec::ExecToLog '${COMMAND}'
  Pop $0
!macroend

Section "Gatehouse" SecMain
  SectionIn RO
  ; An older version's service holds gatehoused.exe open: remove it first (its
  ; config and state stay) and register the new one afterwards.
  ${If} ${FileExists} "$INSTDIR\gatehoused.exe"
    !insertmacro Run '"$INSTDIR\gatehoused.exe" --uninstall-service'
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${BINDIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Gatehouse contributors"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\gatehouse.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1

  ; The service's defaults are %ProgramData%\Gatehouse\config.json and
  ; %ProgramData%\Gatehouse\state; --install-service makes them private to it.
  !insertmacro Run '"$INSTDIR\gatehoused.exe" --install-service'
  ${If} $0 != 0
    MessageBox MB_ICONEXCLAMATION "$(RegisterFailedText)"
  ${Else}
    !insertmacro Run '"$SYSDIR\net.exe" start ${SERVICE}'
    ${If} $0 != 0
      MessageBox MB_ICONEXCLAMATION "$(StartFailedText)"
    ${EndIf}
  ${EndIf}

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\gatehouse.exe" "" "$INSTDIR\gatehouse.exe" 0
  ; Mark the shortcut "Run as administrator" (SLDF_RUNAS_USER, bit 0x20 of
  ; the byte at offset 0x15 of the link flags): the app talks to the service's
  ; pipe, which admits Administrators and SYSTEM only.
  FileOpen $1 "$SMPROGRAMS\${PRODUCT}.lnk" a
  ${IfNot} ${Errors}
    FileSeek $1 0x15 SET
    FileReadByte $1 $2
    IntOp $2 $2 | 0x20
    FileSeek $1 0x15 SET
    FileWriteByte $1 $2
    FileClose $1
  ${EndIf}
SectionEnd

Function OpenApp
  ExecShell "open" "$SMPROGRAMS\${PRODUCT}.lnk"
FunctionEnd

Section "un.Gatehouse" UnSecMain
  SectionIn RO
  ${If} ${FileExists} "$INSTDIR\gatehoused.exe"
    !insertmacro Run '"$INSTDIR\gatehoused.exe" --uninstall-service'
  ${EndIf}
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  RMDir /r "$INSTDIR"
SectionEnd

Section /o "un.$(UnSecDataName)" UnSecData
  ; SetShellVarContext all (un.onInit): $APPDATA is %ProgramData%.
  RMDir /r "$APPDATA\${PRODUCT}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecMain} "$(UnSecMainText)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "$(UnSecDataText)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
