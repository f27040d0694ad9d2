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
;   certificates and keys" is ticked.

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
!define MUI_FINISHPAGE_RUN_TEXT "Open the Gatehouse app"
!define MUI_FINISHPAGE_RUN_FUNCTION OpenApp
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "The service is stopped and removed. Tick the box below to delete its configuration, certificates and keys as well; leave it to keep them for a later installation."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Gatehouse needs 64-bit Windows."
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
  DetailPrint 'Running: ${COMMAND}'
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
    MessageBox MB_ICONEXCLAMATION "Registering the Gatehouse service failed (exit code $0); see the details above. Run $\"$INSTDIR\gatehoused.exe$\" --install-service from an elevated prompt to retry."
  ${Else}
    !insertmacro Run '"$SYSDIR\net.exe" start ${SERVICE}'
    ${If} $0 != 0
      MessageBox MB_ICONEXCLAMATION "The Gatehouse service was installed but did not start (exit code $0). Its reason is in the Application event log under $\"Gatehouse$\"."
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

Section /o "un.Remove configuration, certificates and keys" UnSecData
  ; SetShellVarContext all (un.onInit): $APPDATA is %ProgramData%.
  RMDir /r "$APPDATA\${PRODUCT}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecMain} "Stop and remove the Gatehouse service and its programs."
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "Also delete %ProgramData%\Gatehouse: config.json, the ACME account, certificates and private keys."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
