<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>GuiText</name>
    <message>
        <source>ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023</source>
        <translation>Ports unter 1024 brauchen Rechte: gatehoused als root starten oder ihm CAP_NET_BIND_SERVICE geben (AmbientCapabilities= in seiner Unit), oder einen Port über 1023 verwenden</translation>
    </message>
    <message>
        <source>; next retry %1 (%2)</source>
        <translation>; nächster Versuch %1 (%2)</translation>
    </message>
    <message>
        <source>in use by another process (the system does not say which)</source>
        <translation>von einem anderen Prozess belegt (das System sagt nicht, von welchem)</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>belegt von %1</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>lauscht</translation>
    </message>
    <message>
        <source>listening since %1</source>
        <translation>lauscht seit %1</translation>
    </message>
    <message>
        <source>waiting to bind</source>
        <translation>wartet auf Bindung</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>weiterleiten</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>%1 nach %2 umleiten</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>mit %1 antworten</translation>
    </message>
    <message>
        <source>%1 (automatic certificate)</source>
        <translation>%1 (automatisches Zertifikat)</translation>
    </message>
    <message>
        <source>%1 (certificate files)</source>
        <translation>%1 (Zertifikatsdateien)</translation>
    </message>
    <message>
        <source>config applied: revision %1</source>
        <translation>Konfiguration angewendet: Revision %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 freigegeben</translation>
    </message>
    <message>
        <source>certificate for %1: %2</source>
        <translation>Zertifikat für %1: %2</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>issuing</source>
        <translation>wird ausgestellt</translation>
    </message>
    <message>
        <source>renewing</source>
        <translation>wird erneuert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
</context>
<context>
    <name>RouteJson</name>
    <message>
        <source>expected one route: a JSON object with name, match and action</source>
        <translation>eine Route erwartet: ein JSON-Objekt mit name, match und action</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeClient</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>acme.caBundle &quot;%1&quot;: no PEM certificate could be read from it (missing, unreadable or not PEM)</source>
        <translation>acme.caBundle &quot;%1&quot;: daraus ließ sich kein PEM-Zertifikat lesen (fehlt, nicht lesbar oder kein PEM)</translation>
    </message>
    <message>
        <source>the ACME directory %1 offers no renewalInfo (RFC 9773)</source>
        <translation>das ACME-Verzeichnis %1 bietet kein renewalInfo an (RFC 9773)</translation>
    </message>
    <message>
        <source>renewalInfo: &quot;%1&quot; is not an ARI certificate id (base64url(AKI) &quot;.&quot; base64url(serial))</source>
        <translation>renewalInfo: &quot;%1&quot; ist keine ARI-Zertifikatskennung (base64url(AKI) &quot;.&quot; base64url(serial))</translation>
    </message>
    <message>
        <source>%1: no valid suggestedWindow (RFC 9773 4.2) in &quot;%2&quot;</source>
        <translation>%1: kein gültiges suggestedWindow (RFC 9773 4.2) in &quot;%2&quot;</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>%1 gave no Replay-Nonce header</source>
        <translation>%1 lieferte keinen Replay-Nonce-Header</translation>
    </message>
    <message>
        <source>%1 is not an ACME directory (no %2)</source>
        <translation>%1 ist kein ACME-Verzeichnis (kein %2)</translation>
    </message>
    <message>
        <source>%1 created no account (no Location header)</source>
        <translation>%1 hat kein Konto angelegt (kein Location-Header)</translation>
    </message>
    <message>
        <source>account %1 is &quot;%2&quot;, not valid</source>
        <translation>Konto %1 ist &quot;%2&quot;, nicht gültig</translation>
    </message>
    <message>
        <source>no directory for the ACME account key</source>
        <translation>kein Verzeichnis für den Schlüssel des ACME-Kontos</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2 (move it away to register a new account)</source>
        <translation>%1: %2 (verschieben Sie die Datei, um ein neues Konto zu registrieren)</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>account key: %1</source>
        <translation>Kontoschlüssel: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeOrder</name>
    <message>
        <source>%1 is &quot;%2&quot; without an error</source>
        <translation>%1 ist &quot;%2&quot; ohne Fehlerangabe</translation>
    </message>
    <message>
        <source>order for %1 not finished within %2 s (last step: %3)</source>
        <extracomment>%1 lists domain names, %2 is a number of seconds, %3 the step name as the status shows it (ordering, finalizing, ...)</extracomment>
        <translation>Auftrag für %1 nicht innerhalb von %2 s abgeschlossen (letzter Schritt: %3)</translation>
    </message>
    <message>
        <source>an order needs at least one domain</source>
        <translation>ein Auftrag braucht mindestens eine Domain</translation>
    </message>
    <message>
        <source>domains[%1] is empty</source>
        <translation>domains[%1] ist leer</translation>
    </message>
    <message>
        <source>an order needs a challenge responder</source>
        <translation>ein Auftrag braucht etwas, das die Challenges beantwortet</translation>
    </message>
    <message>
        <source>%1 answered an order without Location, finalize or authorizations</source>
        <translation>%1 lieferte einen Auftrag ohne Location, finalize oder authorizations</translation>
    </message>
    <message>
        <source>order %1</source>
        <extracomment>%1 is the order URL at the CA</extracomment>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>%1 (not supported by Gatehouse)</source>
        <translation>%1 (von Gatehouse nicht unterstützt)</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1 (nicht angeboten)</translation>
    </message>
    <message>
        <source>%1 (the challenge port is not bound)</source>
        <translation>%1 (der Challenge-Port ist nicht gebunden)</translation>
    </message>
    <message>
        <source>%1: no challenge can be answered; the CA offers %2; tried %3</source>
        <extracomment>%1 is a domain name, %2 the challenge types the CA offers, %3 the types tried, each with its reason</extracomment>
        <translation>%1: keine Challenge kann beantwortet werden; die CA bietet %2 an; versucht: %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1: %2 challenge without a url or a base64url token</source>
        <translation>%1: %2-Challenge ohne url oder base64url-Token</translation>
    </message>
    <message>
        <source>order %1 is valid without a certificate URL</source>
        <translation>Auftrag %1 ist gültig, hat aber keine Zertifikats-URL</translation>
    </message>
    <message>
        <source>certificate key: %1</source>
        <translation>Zertifikatsschlüssel: %1</translation>
    </message>
    <message>
        <source>%1 answered &quot;%2&quot; instead of a PEM certificate chain</source>
        <translation>%1 lieferte &quot;%2&quot; statt einer PEM-Zertifikatskette</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeProblem</name>
    <message>
        <source>error</source>
        <extracomment>stands for a problem type the CA left out (otherwise e.g. &quot;rateLimited&quot;)</extracomment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>(keine Details)</translation>
    </message>
    <message>
        <source>retry after %1 s</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation>erneuter Versuch nach %1 s</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a problem document</source>
        <extracomment>%1 is a URL, %2 an HTTP status code; a problem document is the CA&apos;s JSON error answer (RFC 7807)</extracomment>
        <translation>%1 antwortete mit HTTP %2 ohne Problemdokument</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a problem document: &quot;%3&quot;</source>
        <extracomment>%1 is a URL, %2 an HTTP status code, %3 the start of the answer&apos;s body</extracomment>
        <translation>%1 antwortete mit HTTP %2 ohne Problemdokument: &quot;%3&quot;</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertManager</name>
    <message>
        <source>the CA&apos;s certificate does not parse: %1</source>
        <translation>das Zertifikat der CA lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>the new certificate does not load: %1</source>
        <translation>das neue Zertifikat lässt sich nicht laden: %1</translation>
    </message>
    <message>
        <source>%1 attempts for %2 in the last hour already; the next is possible at %3</source>
        <extracomment>%1 is a number of attempts, %2 a domain name, %3 an ISO 8601 UTC time</extracomment>
        <translation>bereits %1 Versuche für %2 in der letzten Stunde; der nächste ist um %3 möglich</translation>
    </message>
    <message>
        <source>no route has an automatic certificate for &apos;%1&apos;</source>
        <translation>keine Route hat ein automatisches Zertifikat für &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: the stored certificate does not load: %2</source>
        <extracomment>%1 is a list of domains, %2 why the certificate cannot be used</extracomment>
        <translation>%1: das gespeicherte Zertifikat lässt sich nicht laden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no %2 (an interrupted first write?)</source>
        <extracomment>%1 is a directory, %2 the file name meta.json</extracomment>
        <translation>%1: keine Datei %2 (erster Schreibvorgang unterbrochen?)</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3)</source>
        <extracomment>%1 is a file, %2 what is wrong with it (the JSON parser&apos;s error, or &quot;wrong type&quot;), %3 a byte offset</extracomment>
        <translation>%1: kein JSON-Objekt (%2 bei Offset %3)</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
    <message>
        <source>%1: &quot;domains&quot; is missing or empty</source>
        <translation>%1: &quot;domains&quot; fehlt oder ist leer</translation>
    </message>
    <message>
        <source>%1: the domains %2 belong in %3, not here</source>
        <extracomment>%1 is the meta.json file, %2 a list of domains, %3 the name of the directory they belong in</extracomment>
        <translation>%1: die Domains %2 gehören nach %3, nicht hierher</translation>
    </message>
    <message>
        <source>%1 does not match %2 (a write was interrupted, or the file was changed by hand)</source>
        <extracomment>%1 is a certificate or key file, %2 the file name meta.json that records its checksum</extracomment>
        <translation>%1 passt nicht zu %2 (ein Schreibvorgang wurde unterbrochen oder die Datei von Hand geändert)</translation>
    </message>
    <message>
        <source>no domains given</source>
        <translation>keine Domains angegeben</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertificateInfo</name>
    <message>
        <source>the certificate chain is empty</source>
        <translation>die Zertifikatskette ist leer</translation>
    </message>
    <message>
        <source>no PEM certificate at the start of the chain: %1</source>
        <extracomment>%1 is OpenSSL&apos;s error text</extracomment>
        <translation>kein PEM-Zertifikat am Anfang der Kette: %1</translation>
    </message>
    <message>
        <source>the certificate&apos;s validity dates cannot be read</source>
        <translation>der Gültigkeitszeitraum des Zertifikats lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>the certificate&apos;s serial number cannot be read</source>
        <translation>die Seriennummer des Zertifikats lässt sich nicht lesen</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::Csr</name>
    <message>
        <source>CSR: no key</source>
        <translation>CSR: kein Schlüssel</translation>
    </message>
    <message>
        <source>CSR: no domains</source>
        <translation>CSR: keine Domains</translation>
    </message>
    <message>
        <source>CSR: domains[%1] &quot;%2&quot; is not an ASCII host name (empty, spaces or non-ASCII characters; use the punycode form)</source>
        <translation>CSR: domains[%1] &quot;%2&quot; ist kein ASCII-Hostname (leer, Leerzeichen oder Nicht-ASCII-Zeichen; verwenden Sie die Punycode-Form)</translation>
    </message>
    <message>
        <source>CSR: %1</source>
        <translation>CSR: %1</translation>
    </message>
    <message>
        <source>CSR: common name: %1</source>
        <translation>CSR: Common Name: %1</translation>
    </message>
    <message>
        <source>CSR: subjectAltName: %1</source>
        <translation>CSR: subjectAltName: %1</translation>
    </message>
    <message>
        <source>CSR: signing: %1</source>
        <translation>CSR: Signieren: %1</translation>
    </message>
    <message>
        <source>CSR: encoding: %1</source>
        <translation>CSR: Kodierung: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::Jws</name>
    <message>
        <source>JWS for %1: no account key</source>
        <translation>JWS für %1: kein Kontoschlüssel</translation>
    </message>
    <message>
        <source>JWS for %1: %2</source>
        <extracomment>%1 is a URL, %2 why signing failed</extracomment>
        <translation>JWS für %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::PrivateKey</name>
    <message>
        <source>no OpenSSL error detail</source>
        <translation>OpenSSL nennt keine Fehlerdetails</translation>
    </message>
    <message>
        <source>cannot set up key generation: %1</source>
        <translation>die Schlüsselerzeugung lässt sich nicht einrichten: %1</translation>
    </message>
    <message>
        <source>cannot generate a key: %1</source>
        <translation>es lässt sich kein Schlüssel erzeugen: %1</translation>
    </message>
    <message>
        <source>not a PEM private key: %1</source>
        <translation>kein privater Schlüssel im PEM-Format: %1</translation>
    </message>
    <message>
        <source>EC key on curve %1; only P-256 is supported</source>
        <translation>EC-Schlüssel auf der Kurve %1; nur P-256 wird unterstützt</translation>
    </message>
    <message>
        <source>RSA key of %1 bits; at least 2048 are needed</source>
        <translation>RSA-Schlüssel mit %1 Bit; mindestens 2048 sind nötig</translation>
    </message>
    <message>
        <source>key type %1 is not supported (EC P-256 or RSA)</source>
        <translation>Schlüsseltyp %1 wird nicht unterstützt (EC P-256 oder RSA)</translation>
    </message>
    <message>
        <source>no key to sign with</source>
        <translation>kein Schlüssel zum Signieren</translation>
    </message>
    <message>
        <source>cannot sign: %1</source>
        <translation>Signieren nicht möglich: %1</translation>
    </message>
    <message>
        <source>cannot decode the ECDSA signature: %1</source>
        <translation>die ECDSA-Signatur lässt sich nicht dekodieren: %1</translation>
    </message>
    <message>
        <source>ECDSA signature out of range</source>
        <translation>ECDSA-Signatur außerhalb des Wertebereichs</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigLoader</name>
    <message>
        <source>cannot read %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason.</extracomment>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigReader</name>
    <message>
        <source>a boolean</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>nichts</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>ein Objekt erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <extracomment>%1 is a field name the config does not know, %2 a known field spelled alike.</extracomment>
        <translation>unbekanntes Feld &apos;%1&apos;; meinten Sie &apos;%2&apos;?</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; expected one of: %2</source>
        <extracomment>%1 is a field name the config does not know, %2 the known field names.</extracomment>
        <translation>unbekanntes Feld &apos;%1&apos;; erwartet wird eines von: %2</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>eine Zeichenkette erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>true oder false erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>an integer</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <extracomment>%1 is what the field takes (&quot;an integer&quot;, &quot;a port number 1..65535&quot;, ...), %2 the number or the kind of value found (&quot;a string&quot;, ...).</extracomment>
        <translation>%1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3</source>
        <extracomment>%1 is the number found; %2..%3 the range allowed.</extracomment>
        <translation>%1 liegt außerhalb von %2..%3</translation>
    </message>
    <message>
        <source>unknown value &apos;%1&apos;; expected %2</source>
        <extracomment>%1 is the value found, %2 the values allowed (config words, not translated).</extracomment>
        <translation>unbekannter Wert &apos;%1&apos;; erwartet: %2</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>eine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>a port number 1..65535</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>eine Portnummer 1..65535</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>eine Liste von Zeichenketten erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a port, a list of ports, or a list with {&quot;from&quot;, &quot;to&quot;} ranges, found %1</source>
        <translation>ein Port, eine Liste von Ports oder eine Liste mit Bereichen {&quot;from&quot;, &quot;to&quot;} erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected at least one port</source>
        <translation>mindestens ein Port erwartet</translation>
    </message>
    <message>
        <source>missing; a range needs &quot;from&quot; and &quot;to&quot;</source>
        <translation>fehlt; ein Bereich braucht &quot;from&quot; und &quot;to&quot;</translation>
    </message>
    <message>
        <source>missing; every route listens on at least one port</source>
        <translation>fehlt; jede Route lauscht auf mindestens einem Port</translation>
    </message>
    <message>
        <source>expected an object of header name to value or {&quot;regex&quot;: ...}, found %1</source>
        <translation>ein Objekt aus Header-Namen und Werten oder {&quot;regex&quot;: ...} erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>missing; expected {&quot;regex&quot;: PATTERN}</source>
        <translation>fehlt; erwartet: {&quot;regex&quot;: PATTERN}</translation>
    </message>
    <message>
        <source>expected a string or {&quot;regex&quot;: PATTERN}, found %1</source>
        <translation>eine Zeichenkette oder {&quot;regex&quot;: PATTERN} erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a list of {&quot;host&quot;, &quot;port&quot;} targets, found %1</source>
        <translation>eine Liste von Zielen {&quot;host&quot;, &quot;port&quot;} erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a host name or a list of them, found %1</source>
        <translation>ein Hostname oder eine Liste davon erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>missing; a target needs a host</source>
        <translation>fehlt; ein Ziel braucht einen Host</translation>
    </message>
    <message>
        <source>missing; a target needs a port</source>
        <translation>fehlt; ein Ziel braucht einen Port</translation>
    </message>
    <message>
        <source>missing; expected passthrough, terminate or terminate-and-reencrypt</source>
        <translation>fehlt; erwartet: passthrough, terminate oder terminate-and-reencrypt</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, found &quot;%1&quot;</source>
        <translation>&quot;auto&quot; oder {&quot;cert&quot;: PATH, &quot;key&quot;: PATH} erwartet, &quot;%1&quot; gefunden</translation>
    </message>
    <message>
        <source>missing; a static certificate needs &quot;cert&quot; and &quot;key&quot; file paths</source>
        <translation>fehlt; ein statisches Zertifikat braucht die Dateipfade &quot;cert&quot; und &quot;key&quot;</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, found %1</source>
        <translation>&quot;auto&quot; oder {&quot;cert&quot;: PATH, &quot;key&quot;: PATH} erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>missing; expected forward, redirect, respond or metrics</source>
        <translation>fehlt; erwartet: forward, redirect, respond oder metrics</translation>
    </message>
    <message>
        <source>unknown action type &apos;%1&apos;; expected forward, redirect, respond or metrics</source>
        <translation>unbekannter Aktionstyp &apos;%1&apos;; erwartet: forward, redirect, respond oder metrics</translation>
    </message>
    <message>
        <source>only for type &quot;%1&quot;; this action is &quot;%2&quot;</source>
        <extracomment>%1 is the action type the field belongs to, %2 the type of this action (forward, redirect, respond, metrics).</extracomment>
        <translation>nur für den Typ &quot;%1&quot;; diese Aktion ist &quot;%2&quot;</translation>
    </message>
    <message>
        <source>an HTTP status code</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>ein HTTP-Statuscode</translation>
    </message>
    <message>
        <source>expected an object of header name to value, found %1</source>
        <translation>ein Objekt aus Header-Namen und Werten erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>missing; a forward action needs at least one target</source>
        <translation>fehlt; eine forward-Aktion braucht mindestens ein Ziel</translation>
    </message>
    <message>
        <source>missing; a redirect action needs {&quot;to&quot;: &quot;https://{host}{path}&quot;}</source>
        <translation>fehlt; eine redirect-Aktion braucht {&quot;to&quot;: &quot;https://{host}{path}&quot;}</translation>
    </message>
    <message>
        <source>a number of connections (0 for no limit)</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>eine Anzahl Verbindungen (0 für unbegrenzt)</translation>
    </message>
    <message>
        <source>missing; every route has a unique name</source>
        <translation>fehlt; jede Route hat einen eindeutigen Namen</translation>
    </message>
    <message>
        <source>missing; a route needs at least {&quot;ports&quot;: ...}</source>
        <translation>fehlt; eine Route braucht mindestens {&quot;ports&quot;: ...}</translation>
    </message>
    <message>
        <source>missing; expected {&quot;type&quot;: &quot;forward&quot; | &quot;redirect&quot; | &quot;respond&quot;, ...}</source>
        <translation>fehlt; erwartet: {&quot;type&quot;: &quot;forward&quot; | &quot;redirect&quot; | &quot;respond&quot;, ...}</translation>
    </message>
    <message>
        <source>expected a list of ports, found %1</source>
        <translation>eine Liste von Ports erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>a number of worker threads (0: one per CPU core)</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>eine Anzahl Worker-Threads (0: einer pro CPU-Kern)</translation>
    </message>
    <message>
        <source>expected a list of routes, found %1</source>
        <translation>eine Liste von Routen erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <extracomment>%1 is the JSON parser&apos;s description of the error.</extracomment>
        <translation>fehlerhaftes JSON: %1</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;routes&quot; at the top level</source>
        <translation>ein JSON-Objekt mit &quot;routes&quot; auf oberster Ebene erwartet</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason.</extracomment>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the config changed since revision %1; the running revision is %2: reload it and apply your change again</source>
        <translation>die Konfiguration hat sich seit Revision %1 geändert; die laufende Revision ist %2: die Konfiguration neu laden und die Änderung erneut anwenden</translation>
    </message>
    <message>
        <source>cannot create the directory of %1</source>
        <translation>das Verzeichnis von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot read %1 to keep it as a backup: %2</source>
        <extracomment>%1 is the config file&apos;s path, %2 the system&apos;s reason.</extracomment>
        <translation>%1 kann nicht gelesen werden, um eine Sicherungskopie davon zu behalten: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigValidator</name>
    <message>
        <source>a route needs a name</source>
        <translation>eine Route braucht einen Namen</translation>
    </message>
    <message>
        <source>duplicate route name &apos;%1&apos; (also routes[%2]); names must be unique</source>
        <extracomment>%2 is the other route&apos;s index: routes[%2] is its place in the config file.</extracomment>
        <translation>doppelter Routenname &apos;%1&apos; (auch routes[%2]); Namen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>CA bundle file &apos;%1&apos; does not exist</source>
        <translation>CA-Bündel-Datei &apos;%1&apos; existiert nicht</translation>
    </message>
    <message>
        <source>certificate file &apos;%1&apos; does not exist</source>
        <translation>Zertifikatsdatei &apos;%1&apos; existiert nicht</translation>
    </message>
    <message>
        <source>key file &apos;%1&apos; does not exist</source>
        <translation>Schlüsseldatei &apos;%1&apos; existiert nicht</translation>
    </message>
    <message>
        <source>CA bundle file &apos;%1&apos; is not a readable file</source>
        <translation>CA-Bündel-Datei &apos;%1&apos; ist keine lesbare Datei</translation>
    </message>
    <message>
        <source>certificate file &apos;%1&apos; is not a readable file</source>
        <translation>Zertifikatsdatei &apos;%1&apos; ist keine lesbare Datei</translation>
    </message>
    <message>
        <source>key file &apos;%1&apos; is not a readable file</source>
        <translation>Schlüsseldatei &apos;%1&apos; ist keine lesbare Datei</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address; use 0.0.0.0 for all IPv4 interfaces, :: for IPv4 and IPv6, or one address of this host</source>
        <translation>&apos;%1&apos; ist keine IP-Adresse; 0.0.0.0 für alle IPv4-Schnittstellen, :: für IPv4 und IPv6 oder eine Adresse dieses Hosts verwenden</translation>
    </message>
    <message>
        <source>expected 0 (one per CPU core) or a positive number</source>
        <translation>0 (einer pro CPU-Kern) oder eine positive Zahl erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address</source>
        <translation>&apos;%1&apos; ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an https:// URL of an ACME directory</source>
        <translation>&apos;%1&apos; ist keine https://-URL eines ACME-Verzeichnisses</translation>
    </message>
    <message>
        <source>expected at least one of http-01, tls-alpn-01</source>
        <translation>mindestens eines von http-01, tls-alpn-01 erwartet</translation>
    </message>
    <message>
        <source>unknown challenge type &apos;%1&apos;; expected http-01 or tls-alpn-01</source>
        <translation>unbekannter Challenge-Typ &apos;%1&apos;; erwartet: http-01 oder tls-alpn-01</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice</source>
        <translation>&apos;%1&apos; ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>expected a port number 1..65535</source>
        <translation>Portnummer 1..65535 erwartet</translation>
    </message>
    <message>
        <source>expected at least one port</source>
        <translation>mindestens ein Port erwartet</translation>
    </message>
    <message>
        <source>reversed range %1..%2; &quot;from&quot; must not be above &quot;to&quot;</source>
        <translation>umgekehrter Bereich %1..%2; &quot;from&quot; darf nicht über &quot;to&quot; liegen</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <extracomment>%1 is a domain as written in the config, %2 what is wrong with it.</extracomment>
        <translation>&apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid header name</source>
        <translation>&apos;%1&apos; ist kein gültiger Header-Name</translation>
    </message>
    <message>
        <source>invalid regular expression at offset %1: %2</source>
        <extracomment>%1 is a character position in the expression, %2 the expression engine&apos;s error.</extracomment>
        <translation>ungültiger regulärer Ausdruck an Position %1: %2</translation>
    </message>
    <message>
        <source>expected 0 (no limit) or a positive number</source>
        <translation>0 (unbegrenzt) oder eine positive Zahl erwartet</translation>
    </message>
    <message>
        <source>a metrics route reveals route names, domains and traffic to anyone who can reach it; restrict it with security.ipAllowList</source>
        <translation>eine metrics-Route zeigt jedem, der sie erreicht, Routennamen, Domains und Datenverkehr; sie mit security.ipAllowList beschränken</translation>
    </message>
    <message>
        <source>missing; a certificate needs mode terminate or terminate-and-reencrypt</source>
        <translation>fehlt; ein Zertifikat braucht den Modus terminate oder terminate-and-reencrypt</translation>
    </message>
    <message>
        <source>passthrough forwards TLS untouched, so it needs action type &quot;forward&quot;</source>
        <translation>passthrough leitet TLS unverändert weiter und braucht daher den Aktionstyp &quot;forward&quot;</translation>
    </message>
    <message>
        <source>passthrough forwards TLS untouched and serves no certificate; remove it, or use mode terminate</source>
        <translation>passthrough leitet TLS unverändert weiter und liefert kein Zertifikat aus; das Zertifikat entfernen oder den Modus terminate verwenden</translation>
    </message>
    <message>
        <source>a path is inside TLS, which passthrough does not decrypt; remove it or use mode terminate</source>
        <translation>ein Pfad steckt im TLS-Verkehr, den passthrough nicht entschlüsselt; den Pfad entfernen oder den Modus terminate verwenden</translation>
    </message>
    <message>
        <source>headers are inside TLS, which passthrough does not decrypt; remove them or use mode terminate</source>
        <translation>Header stecken im TLS-Verkehr, den passthrough nicht entschlüsselt; die Header entfernen oder den Modus terminate verwenden</translation>
    </message>
    <message>
        <source>terminate-and-reencrypt connects to targets, so it needs action type &quot;forward&quot;; use terminate</source>
        <translation>terminate-and-reencrypt verbindet sich mit Zielen und braucht daher den Aktionstyp &quot;forward&quot;; terminate verwenden</translation>
    </message>
    <message>
        <source>missing; terminating TLS needs &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}</source>
        <translation>fehlt; das Beenden von TLS braucht &quot;auto&quot; oder {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs acme.email, the contact address for the ACME account</source>
        <translation>&quot;auto&quot; braucht acme.email, die Kontaktadresse für das ACME-Konto</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs match.domains: the names to put in the certificate</source>
        <translation>&quot;auto&quot; braucht match.domains: die Namen, die ins Zertifikat kommen</translation>
    </message>
    <message>
        <source>&quot;auto&quot; cannot cover a wildcard or &quot;*&quot; domain: that needs the dns-01 challenge, which Gatehouse does not offer; use a static certificate</source>
        <translation>&quot;auto&quot; kann keine Wildcard- oder &quot;*&quot;-Domain abdecken: dafür bräuchte es die dns-01-Challenge, die Gatehouse nicht anbietet; ein statisches Zertifikat verwenden</translation>
    </message>
    <message>
        <source>missing; the path of the certificate chain (PEM)</source>
        <translation>fehlt; der Pfad der Zertifikatskette (PEM)</translation>
    </message>
    <message>
        <source>missing; the path of the private key (PEM)</source>
        <translation>fehlt; der Pfad des privaten Schlüssels (PEM)</translation>
    </message>
    <message>
        <source>a forward action needs at least one target</source>
        <translation>eine forward-Aktion braucht mindestens ein Ziel</translation>
    </message>
    <message>
        <source>expected a host name or address</source>
        <translation>Hostname oder Adresse erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or IP address</source>
        <translation>&apos;%1&apos; ist weder Hostname noch IP-Adresse</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or IP address: %2</source>
        <translation>&apos;%1&apos; ist weder Hostname noch IP-Adresse: %2</translation>
    </message>
    <message>
        <source>only used with tls mode terminate-and-reencrypt, which connects to targets over TLS</source>
        <translation>nur mit dem TLS-Modus terminate-and-reencrypt verwendet, der sich über TLS mit den Zielen verbindet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name</source>
        <translation>&apos;%1&apos; ist kein Hostname</translation>
    </message>
    <message>
        <source>missing; where to send the client, as in https://{host}{path}</source>
        <translation>fehlt; wohin der Client geschickt wird, etwa https://{host}{path}</translation>
    </message>
    <message>
        <source>&apos;}&apos; at position %1 closes nothing</source>
        <translation>&apos;}&apos; an Position %1 schließt nichts</translation>
    </message>
    <message>
        <source>&apos;{&apos; at position %1 is never closed</source>
        <translation>&apos;{&apos; an Position %1 wird nie geschlossen</translation>
    </message>
    <message>
        <source>unknown placeholder {%1}; expected {host}, {path}, {query} or {port}</source>
        <translation>unbekannter Platzhalter {%1}; erwartet: {host}, {path}, {query} oder {port}</translation>
    </message>
    <message>
        <source>%1 is not a redirect status; expected 301, 302, 303, 307 or 308</source>
        <translation>%1 ist kein Umleitungsstatus; erwartet: 301, 302, 303, 307 oder 308</translation>
    </message>
    <message>
        <source>%1 is not a final HTTP status; expected 200..599</source>
        <translation>%1 ist kein endgültiger HTTP-Status; erwartet: 200..599</translation>
    </message>
    <message>
        <source>a header value cannot contain line breaks</source>
        <translation>ein Header-Wert darf keine Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>%1 is set by Gatehouse from the body; remove it</source>
        <extracomment>%1 is a header name: Content-Length or Transfer-Encoding.</extracomment>
        <translation>%1 setzt Gatehouse anhand des Inhalts; den Header entfernen</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::Diagnostic</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <extracomment>%1 is where in the config: a field such as routes[0].match.ports, or a line and column.</extracomment>
        <translation>Fehler: %1: %2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <extracomment>%1 is where in the config: a field such as routes[0].match.ports, or a line and column.</extracomment>
        <translation>Warnung: %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::ControlClient</name>
    <message>
        <source>disconnected from %1 before the answer</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>Verbindung zu %1 getrennt, bevor die Antwort kam</translation>
    </message>
    <message>
        <source>the %1 request is %2 bytes, over the cap of %3</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply, %2 and %3 sizes in bytes.</extracomment>
        <translation>die Anfrage %1 ist %2 Bytes groß und überschreitet die Obergrenze von %3</translation>
    </message>
    <message>
        <source>not connected to the Gatehouse service</source>
        <translation>nicht mit dem Gatehouse-Dienst verbunden</translation>
    </message>
    <message>
        <source>no answer to %1 from %2 within %3 ms</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply, %2 the control socket&apos;s path, %3 milliseconds.</extracomment>
        <translation>keine Antwort auf %1 von %2 innerhalb von %3 ms</translation>
    </message>
    <message>
        <source>the Gatehouse service at %1 closed the connection</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>der Gatehouse-Dienst unter %1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>%1 did not accept the connection within %2 ms: the service may be overloaded or hung</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 milliseconds.</extracomment>
        <translation>%1 hat die Verbindung nicht innerhalb von %2 ms angenommen: der Dienst ist vielleicht überlastet oder hängt</translation>
    </message>
    <message>
        <source>the service at %1 sent a message over the cap of %2 bytes</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 a size in bytes.</extracomment>
        <translation>der Dienst unter %1 hat eine Nachricht über der Obergrenze von %2 Bytes gesendet</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running: %1 does not exist. Start the service (systemctl start gatehoused, or run gatehoused), or pass --control with the path it uses</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows). The commands and --control stay as they are.</extracomment>
        <translation>der Gatehouse-Dienst läuft nicht: %1 existiert nicht. Starten Sie den Dienst (systemctl start gatehoused oder gatehoused ausführen) oder geben Sie mit --control den Pfad an, den er benutzt</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running: nothing answers on %1 (left over from a service that stopped). Start the service (systemctl start gatehoused, or run gatehoused)</source>
        <extracomment>%1 is the control socket&apos;s path. The commands stay as they are.</extracomment>
        <translation>der Gatehouse-Dienst läuft nicht: auf %1 antwortet nichts (übrig von einem beendeten Dienst). Starten Sie den Dienst (systemctl start gatehoused oder gatehoused ausführen)</translation>
    </message>
    <message>
        <source>permission denied on the pipe %1: run this from an elevated (Administrator) prompt</source>
        <extracomment>%1 is a named pipe.</extracomment>
        <translation>Zugriff verweigert auf die Pipe %1: führen Sie dies aus einer Eingabeaufforderung mit erhöhten Rechten (als Administrator) aus</translation>
    </message>
    <message>
        <source>permission denied on %1: join the &apos;gatehouse&apos; group (sudo usermod -aG gatehouse $USER, then log in again) or run as root</source>
        <extracomment>%1 is the control socket&apos;s path. The group name and the command stay as they are.</extracomment>
        <translation>Zugriff verweigert auf %1: treten Sie der Gruppe &apos;gatehouse&apos; bei (sudo usermod -aG gatehouse $USER, dann neu anmelden) oder arbeiten Sie als root</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>%1 hat die Verbindung nicht rechtzeitig angenommen</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 the system&apos;s reason.</extracomment>
        <translation>keine Verbindung zu %1 möglich: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::ControlServer</name>
    <message>
        <source>cannot create the control socket&apos;s directory %1: check that its parent exists and this user may write there</source>
        <extracomment>%1 is a directory path.</extracomment>
        <translation>das Verzeichnis %1 für den Steuersocket kann nicht angelegt werden: prüfen Sie, ob das übergeordnete Verzeichnis existiert und dieser Benutzer dort schreiben darf</translation>
    </message>
    <message>
        <source>%1 is not a directory; the control socket needs one there</source>
        <extracomment>%1 is a path.</extracomment>
        <translation>%1 ist kein Verzeichnis; der Steuersocket braucht dort eines</translation>
    </message>
    <message>
        <source>the control socket&apos;s directory %1 belongs to uid %2, neither this user nor root: refusing to listen where another user could replace the socket; remove it or choose another --control path</source>
        <extracomment>%1 is a directory path, %2 a numeric user id. --control is a command-line option.</extracomment>
        <translation>das Verzeichnis %1 des Steuersockets gehört uid %2, weder diesem Benutzer noch root: es wird nicht gelauscht, wo ein anderer Benutzer den Socket ersetzen könnte; entfernen Sie es oder wählen Sie mit --control einen anderen Pfad</translation>
    </message>
    <message>
        <source>%1 exists and is not a socket: remove it or choose another --control path</source>
        <extracomment>%1 is a path. --control is a command-line option.</extracomment>
        <translation>%1 existiert und ist kein Socket: entfernen Sie es oder wählen Sie mit --control einen anderen Pfad</translation>
    </message>
    <message>
        <source>another control server (pid %1) is already listening on %2: is gatehoused already running? Stop it first, or give this one a different --control path</source>
        <extracomment>%1 is a process id, %2 the control socket&apos;s path. --control is a command-line option.</extracomment>
        <translation>ein anderer Steuerserver (pid %1) lauscht bereits auf %2: läuft gatehoused schon? Beenden Sie ihn zuerst oder geben Sie diesem mit --control einen anderen Pfad</translation>
    </message>
    <message>
        <source>another control server is already listening on %1: is gatehoused already running? Stop it first, or give this one a different --control path</source>
        <extracomment>%1 is the control socket&apos;s path. --control is a command-line option.</extracomment>
        <translation>ein anderer Steuerserver lauscht bereits auf %1: läuft gatehoused schon? Beenden Sie ihn zuerst oder geben Sie diesem mit --control einen anderen Pfad</translation>
    </message>
    <message>
        <source>cannot tell whether a server still listens on %1 (permission denied): remove it if no Gatehouse service is running</source>
        <extracomment>%1 is the control socket&apos;s path.</extracomment>
        <translation>nicht feststellbar, ob auf %1 noch ein Server lauscht (Zugriff verweigert): entfernen Sie den Socket, wenn kein Gatehouse-Dienst läuft</translation>
    </message>
    <message>
        <source>cannot remove the stale control socket %1: check the directory&apos;s permissions</source>
        <extracomment>%1 is the control socket&apos;s path.</extracomment>
        <translation>der verwaiste Steuersocket %1 kann nicht entfernt werden: prüfen Sie die Rechte des Verzeichnisses</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 the system&apos;s reason.</extracomment>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>permission denied: only Administrators (from an elevated prompt) and SYSTEM may use the Gatehouse control pipe</source>
        <translation>Zugriff verweigert: nur Administratoren (aus einer Eingabeaufforderung mit erhöhten Rechten) und SYSTEM dürfen die Gatehouse-Steuerpipe benutzen</translation>
    </message>
    <message>
        <source>permission denied: %1 may not use the Gatehouse control socket. Only root, the service&apos;s own user and members of the &apos;%2&apos; group may: ask an administrator to run &apos;usermod -aG %2 %1&apos;, then log in again</source>
        <extracomment>%1 is a user name (or &quot;uid&quot; and a number), %2 a group name; &apos;usermod -aG %2 %1&apos; is a command, keep it as is.</extracomment>
        <translation>Zugriff verweigert: %1 darf den Gatehouse-Steuersocket nicht benutzen. Das dürfen nur root, der eigene Benutzer des Dienstes und Mitglieder der Gruppe &apos;%2&apos;: bitten Sie einen Administrator, &apos;usermod -aG %2 %1&apos; auszuführen, und melden Sie sich dann neu an</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::Message</name>
    <message>
        <source>a message must be a JSON object</source>
        <translation>eine Nachricht muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <extracomment>%1 is Qt&apos;s description of a JSON syntax error, %2 a byte offset in the message.</extracomment>
        <translation>%1 bei Offset %2</translation>
    </message>
    <message>
        <source>batches are not supported; send one request per line</source>
        <translation>Stapelanfragen (Batches) werden nicht unterstützt; senden Sie eine Anfrage pro Zeile</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string, a number or null</source>
        <extracomment>&quot;id&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;id&quot; muss eine Zeichenkette, eine Zahl oder null sein</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be &quot;2.0&quot;</source>
        <extracomment>&quot;jsonrpc&quot; is a JSON-RPC field name and &quot;2.0&quot; its value: keep both as they are.</extracomment>
        <translation>&quot;jsonrpc&quot; muss &quot;2.0&quot; sein</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a non-empty string</source>
        <extracomment>&quot;method&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;method&quot; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object or an array</source>
        <extracomment>&quot;params&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;params&quot; muss ein Objekt oder ein Array sein</translation>
    </message>
    <message>
        <source>neither a request (&quot;method&quot;) nor a response (&quot;id&quot; with &quot;result&quot; or &quot;error&quot;)</source>
        <extracomment>&quot;method&quot;, &quot;id&quot;, &quot;result&quot; and &quot;error&quot; are JSON-RPC field names: keep them as they are.</extracomment>
        <translation>weder eine Anfrage (&quot;method&quot;) noch eine Antwort (&quot;id&quot; mit &quot;result&quot; oder &quot;error&quot;)</translation>
    </message>
    <message>
        <source>&quot;error&quot; must be an object with an integer &quot;code&quot; and a string &quot;message&quot;</source>
        <extracomment>&quot;error&quot;, &quot;code&quot; and &quot;message&quot; are JSON-RPC field names: keep them as they are.</extracomment>
        <translation>&quot;error&quot; muss ein Objekt mit einer Ganzzahl &quot;code&quot; und einer Zeichenkette &quot;message&quot; sein</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::Responder</name>
    <message>
        <source>the handler for %1 gave no answer</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply.</extracomment>
        <translation>der Handler für %1 hat keine Antwort geliefert</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::RpcError</name>
    <message>
        <source>parse error: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;parse error&quot;; %1 says what is wrong with the message.</extracomment>
        <translation>Parserfehler: %1</translation>
    </message>
    <message>
        <source>invalid request: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;invalid request&quot;; %1 says what is wrong with it.</extracomment>
        <translation>ungültige Anfrage: %1</translation>
    </message>
    <message>
        <source>method not found: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;method not found&quot;; %1 is the method&apos;s name as the client sent it.</extracomment>
        <translation>Methode nicht gefunden: %1</translation>
    </message>
    <message>
        <source>invalid params: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;invalid params&quot; (the request&apos;s parameters); %1 says what was expected or wrong.</extracomment>
        <translation>ungültige Parameter: %1</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;internal error&quot;; %1 says what went wrong.</extracomment>
        <translation>interner Fehler: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::Ctl</name>
    <message>
        <source>gatehousectl: interrupted before the service answered</source>
        <translation>gatehousectl: unterbrochen, bevor der Dienst antwortete</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>error: cannot read it: %1</source>
        <translation>Fehler: kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>expected a JSON object with the config</source>
        <translation>ein JSON-Objekt mit der Konfiguration erwartet</translation>
    </message>
    <message>
        <source>%1 is not a JSON config object</source>
        <translation>%1 ist kein JSON-Konfigurationsobjekt</translation>
    </message>
    <message>
        <source>%1: not sent to the service</source>
        <translation>%1: nicht an den Dienst gesendet</translation>
    </message>
    <message>
        <source>gatehousectl: the Gatehouse service at %1 did not answer %2 in time: it may be overloaded or hung (check &apos;systemctl status gatehoused&apos; or its log)</source>
        <translation>gatehousectl: der Gatehouse-Dienst unter %1 hat %2 nicht rechtzeitig beantwortet: er ist vielleicht überlastet oder hängt (siehe &apos;systemctl status gatehoused&apos; oder sein Protokoll)</translation>
    </message>
    <message>
        <source>gatehousectl: %1 failed: %2</source>
        <translation>gatehousectl: %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>nothing is listening on %1 (a socket left behind by a service that stopped)</source>
        <translation>auf %1 lauscht nichts (ein Socket, den ein beendeter Dienst zurückgelassen hat)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time; the service may be overloaded or hung</source>
        <translation>%1 hat die Verbindung nicht rechtzeitig angenommen; der Dienst ist vielleicht überlastet oder hängt</translation>
    </message>
    <message>
        <source>the service closed the connection on %1</source>
        <translation>der Dienst hat die Verbindung auf %1 geschlossen</translation>
    </message>
    <message>
        <source>gatehousectl: cannot reach the Gatehouse service: %1.</source>
        <translation>gatehousectl: der Gatehouse-Dienst ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>Start it with &apos;systemctl start gatehoused&apos; (or run &apos;gatehoused&apos;), or pass --control with the socket it listens on.</source>
        <translation>Starten Sie ihn mit &apos;systemctl start gatehoused&apos; (oder &apos;gatehoused&apos;), oder geben Sie mit --control den Socket an, auf dem er lauscht.</translation>
    </message>
    <message>
        <source>gatehousectl: permission denied on %1: only Administrators (from an elevated prompt) and SYSTEM may use the Gatehouse control pipe.</source>
        <translation>gatehousectl: Zugriff verweigert auf %1: nur Administratoren (aus einer Eingabeaufforderung mit erhöhten Rechten) und SYSTEM dürfen die Gatehouse-Steuerpipe benutzen.</translation>
    </message>
    <message>
        <source>gatehousectl: permission denied on %1: only root, the service&apos;s own user and members of the &apos;%2&apos; group may use the Gatehouse control socket.</source>
        <translation>gatehousectl: Zugriff verweigert auf %1: nur root, der eigene Benutzer des Dienstes und Mitglieder der Gruppe &apos;%2&apos; dürfen den Gatehouse-Steuersocket benutzen.</translation>
    </message>
    <message>
        <source>Join the &apos;%1&apos; group (sudo usermod -aG %1 $USER, then log in again) or run as root.</source>
        <translation>Treten Sie der Gruppe &apos;%1&apos; bei (sudo usermod -aG %1 $USER, dann neu anmelden) oder arbeiten Sie als root.</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1: gültig</translation>
    </message>
    <message>
        <source>%1: applied, revision %2 (%3 bound, %4 kept, %5 released, %6 failed)</source>
        <translation>%1: angewendet, Revision %2 (%3 gebunden, %4 behalten, %5 freigegeben, %6 fehlgeschlagen)</translation>
    </message>
    <message>
        <source>%1: warning: not bound yet: %2; the service keeps retrying (see DETAIL above)</source>
        <translation>%1: Warnung: noch nicht gebunden: %2; der Dienst versucht es weiter (siehe DETAIL oben)</translation>
    </message>
    <message>
        <source>the running config is unchanged</source>
        <translation>die laufende Konfiguration ist unverändert</translation>
    </message>
    <message>
        <source>%1: error: revision conflict: the running config is at revision %2, not %3 (it changed since); nothing changed. Look at it again (&apos;gatehousectl routes&apos;) and apply with --base-revision %2.</source>
        <translation>%1: Fehler: Revisionskonflikt: die laufende Konfiguration hat Revision %2, nicht %3 (sie hat sich inzwischen geändert); nichts wurde geändert. Sehen Sie sie erneut an (&apos;gatehousectl routes&apos;) und wenden Sie mit --base-revision %2 an.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Ports (unchanged):</source>
        <translation>Ports (unverändert):</translation>
    </message>
    <message>
        <source>Renewal of the certificate for %1 started; follow it with &apos;gatehousectl events&apos;.</source>
        <translation>Die Erneuerung des Zertifikats für %1 hat begonnen; verfolgen Sie sie mit &apos;gatehousectl events&apos;.</translation>
    </message>
    <message>
        <source>Reloaded: revision %1</source>
        <translation>Neu geladen: Revision %1</translation>
    </message>
    <message>
        <source>reload</source>
        <translation>neu laden</translation>
    </message>
    <message>
        <source>reload: the config file is invalid; the running config is unchanged</source>
        <translation>Neu laden: die Konfigurationsdatei ist ungültig; die laufende Konfiguration ist unverändert</translation>
    </message>
    <message>
        <source>Following events from %1; Ctrl+C to stop.</source>
        <translation>Ereignisse von %1; Strg+C beendet.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::CtlFormat</name>
    <message>
        <source>forward to %1</source>
        <translation>weiterleiten an %1</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>%1 nach %2 umleiten</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>mit %1 antworten</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>running, version %1</source>
        <translation>läuft, Version %1</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>No listeners: no enabled route wants a port.</source>
        <translation>Keine Listener: keine aktive Route braucht einen Port.</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>LISTENER</source>
        <translation>LISTENER</translation>
    </message>
    <message>
        <source>ROUTES</source>
        <translation>ROUTEN</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETAIL</translation>
    </message>
    <message>
        <source>; next retry %1</source>
        <translation>; nächster Versuch %1</translation>
    </message>
    <message>
        <source>in use by another process (the OS does not say which)</source>
        <translation>von einem anderen Prozess belegt (das Betriebssystem sagt nicht, von welchem)</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>belegt von %1</translation>
    </message>
    <message>
        <source>ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023</source>
        <translation>Ports unter 1024 brauchen Rechte: gatehoused als root starten oder ihm CAP_NET_BIND_SERVICE geben (AmbientCapabilities= in seiner Unit), oder einen Port über 1023 verwenden</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Revision %1, bind address %2</source>
        <translation>Revision %1, Bindeadresse %2</translation>
    </message>
    <message>
        <source>all interfaces</source>
        <translation>alle Schnittstellen</translation>
    </message>
    <message>
        <source>No routes.</source>
        <translation>Keine Routen.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>PORTS</translation>
    </message>
    <message>
        <source>DOMAINS</source>
        <translation>DOMAINS</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>(disabled)</source>
        <translation>(deaktiviert)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s), last: %1</source>
        <translation>
            <numerusform>%n fehlgeschlagener Versuch, zuletzt: %1</numerusform>
            <numerusform>%n fehlgeschlagene Versuche, zuletzt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(next attempt %1)</source>
        <translation>(nächster Versuch %1)</translation>
    </message>
    <message>
        <source>serial %1, %2</source>
        <translation>Seriennummer %1, %2</translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation>Keine Zertifikate.</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>RENEWAL</source>
        <translation>ERNEUERUNG</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>(in use by %1)</source>
        <translation>(belegt von %1)</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 freigegeben</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1: 1 error, config rejected</source>
        <translation>%1: 1 Fehler, Konfiguration abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2 errors, config rejected</source>
        <translation>%1: %2 Fehler, Konfiguration abgelehnt</translation>
    </message>
    <message>
        <source>metrics (Prometheus)</source>
        <translation>Metriken (Prometheus)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::CtlOptions</name>
    <message>
        <source>Show the service&apos;s version, revision and ports.</source>
        <translation>Version, Revision und Ports des Dienstes anzeigen.</translation>
    </message>
    <message>
        <source>Ask the service whether FILE is a valid config; changes nothing.</source>
        <translation>Den Dienst fragen, ob FILE eine gültige Konfiguration ist; ändert nichts.</translation>
    </message>
    <message>
        <source>Make FILE the running config and show the resulting ports.</source>
        <translation>FILE zur laufenden Konfiguration machen und die sich ergebenden Ports zeigen.</translation>
    </message>
    <message>
        <source>List the routes of the running config.</source>
        <translation>Die Routen der laufenden Konfiguration auflisten.</translation>
    </message>
    <message>
        <source>List the listeners: conflicts with their holder first, then denied, waiting and bound.</source>
        <translation>Die Listener auflisten: Konflikte mit ihrem Halter zuerst, dann verweigerte, wartende und gebundene.</translation>
    </message>
    <message>
        <source>List the certificates.</source>
        <translation>Die Zertifikate auflisten.</translation>
    </message>
    <message>
        <source>Renew the certificate for DOMAIN now.</source>
        <translation>Das Zertifikat für DOMAIN jetzt erneuern.</translation>
    </message>
    <message>
        <source>Re-read the config file (as SIGHUP does); an invalid file changes nothing.</source>
        <translation>Die Konfigurationsdatei neu lesen (wie bei SIGHUP); eine ungültige Datei ändert nichts.</translation>
    </message>
    <message>
        <source>Follow the service&apos;s events until interrupted (Ctrl+C).</source>
        <translation>Den Ereignissen des Dienstes folgen, bis zur Unterbrechung (Strg+C).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>apply takes --strict (every port binds, or nothing changes) and --base-revision N (refused when the running revision is no longer N).</source>
        <translation>apply kennt --strict (jeder Port wird gebunden, oder nichts ändert sich) und --base-revision N (abgelehnt, wenn die laufende Revision nicht mehr N ist).</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok; 1 invalid config, conflict or failed request; 2 the service cannot be reached; 3 permission denied; 64 wrong command line.</source>
        <translation>Exit-Codes: 0 ok; 1 ungültige Konfiguration, Konflikt oder fehlgeschlagene Anfrage; 2 der Dienst ist nicht erreichbar; 3 Zugriff verweigert; 64 falsche Befehlszeile.</translation>
    </message>
    <message>
        <source>Run &apos;gatehousectl --help&apos; for the list of commands.</source>
        <translation>&apos;gatehousectl --help&apos; zeigt die Liste der Befehle.</translation>
    </message>
    <message>
        <source>Command-line client of the Gatehouse service&apos;s control socket.</source>
        <translation>Befehlszeilen-Client für den Steuersocket des Gatehouse-Dienstes.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Control socket of the service (default: %1).</source>
        <translation>Steuersocket des Dienstes (Standard: %1).</translation>
    </message>
    <message>
        <source>Print the service&apos;s answer as JSON (the result, or the error object).</source>
        <translation>Die Antwort des Dienstes als JSON ausgeben (das Ergebnis oder das Fehlerobjekt).</translation>
    </message>
    <message>
        <source>apply: all wanted ports must bind, or nothing changes.</source>
        <translation>apply: alle gewünschten Ports müssen gebunden werden, sonst ändert sich nichts.</translation>
    </message>
    <message>
        <source>apply: only if the running config is still at revision N.</source>
        <translation>apply: nur, wenn die laufende Konfiguration noch Revision N hat.</translation>
    </message>
    <message>
        <source>What to do; see Commands below.</source>
        <translation>Was zu tun ist; siehe Befehle unten.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs %2: gatehousectl %1 %2</source>
        <translation>%1 braucht %2: gatehousectl %1 %2</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; after %2</source>
        <translation>unerwartetes Argument &apos;%1&apos; nach %2</translation>
    </message>
    <message>
        <source>--control needs a socket path</source>
        <translation>--control braucht einen Socket-Pfad</translation>
    </message>
    <message>
        <source>--strict only applies to the apply command</source>
        <translation>--strict gilt nur für den Befehl apply</translation>
    </message>
    <message>
        <source>--base-revision only applies to the apply command</source>
        <translation>--base-revision gilt nur für den Befehl apply</translation>
    </message>
    <message>
        <source>--base-revision needs a revision number (1 or more), not &apos;%1&apos;</source>
        <translation>--base-revision braucht eine Revisionsnummer (1 oder mehr), nicht &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::ApplyController</name>
    <message>
        <source>Checking the config with the service…</source>
        <translation>Der Dienst prüft die Konfiguration…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>The service could not check the config: %1</source>
        <translation>Der Dienst konnte die Konfiguration nicht prüfen: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Config rejected</source>
        <translation>Konfiguration abgelehnt</translation>
    </message>
    <message>
        <source>The service rejects this config; nothing was applied.</source>
        <translation>Der Dienst lehnt diese Konfiguration ab; nichts wurde angewendet.</translation>
    </message>
    <message>
        <source>Not applied: the config has errors.</source>
        <translation>Nicht angewendet: die Konfiguration hat Fehler.</translation>
    </message>
    <message>
        <source>Apply with warnings?</source>
        <translation>Trotz Warnungen anwenden?</translation>
    </message>
    <message>
        <source>The config is valid, but some routes overlap or can never be selected:</source>
        <translation>Die Konfiguration ist gültig, aber einige Routen überschneiden sich oder können nie gewählt werden:</translation>
    </message>
    <message>
        <source>Apply &amp;anyway</source>
        <translation>&amp;Trotzdem anwenden</translation>
    </message>
    <message>
        <source>Apply cancelled.</source>
        <translation>Anwenden abgebrochen.</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Wird zurückgesetzt…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>(in use by %1)</source>
        <translation>(belegt von %1)</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>Rolled back: revision %1 runs the previous config.</source>
        <translation>Zurückgesetzt: Revision %1 führt die vorherige Konfiguration aus.</translation>
    </message>
    <message>
        <source>Applied: revision %1.</source>
        <translation>Angewendet: Revision %1.</translation>
    </message>
    <message>
        <source>1 port could not be bound</source>
        <translation>1 Port konnte nicht gebunden werden</translation>
    </message>
    <message>
        <source>%1 ports could not be bound</source>
        <translation>%1 Ports konnten nicht gebunden werden</translation>
    </message>
    <message>
        <source>Applied revision %1; %2.</source>
        <translation>Revision %1 angewendet; %2.</translation>
    </message>
    <message>
        <source>Some ports could not be bound</source>
        <translation>Einige Ports konnten nicht gebunden werden</translation>
    </message>
    <message>
        <source>Revision %1 is running, but %2. The service retries them until they are free; routes on them do not answer meanwhile.</source>
        <translation>Revision %1 läuft, aber %2. Der Dienst versucht es weiter, bis sie frei sind; Routen auf ihnen antworten solange nicht.</translation>
    </message>
    <message>
        <source>&amp;Keep it (retry in the background)</source>
        <translation>&amp;Behalten (im Hintergrund weiter versuchen)</translation>
    </message>
    <message>
        <source>&amp;Roll back to revision %1 (all or nothing)</source>
        <translation>Auf Revision %1 &amp;zurücksetzen (alles oder nichts)</translation>
    </message>
    <message>
        <source>Not applied: the service&apos;s config changed meanwhile (revision %1).</source>
        <translation>Nicht angewendet: die Konfiguration des Dienstes hat sich inzwischen geändert (Revision %1).</translation>
    </message>
    <message>
        <source>The config changed meanwhile</source>
        <translation>Die Konfiguration hat sich inzwischen geändert</translation>
    </message>
    <message>
        <source>Someone else changed the service&apos;s config: it is at revision %1 now, and your edits started from revision %2. Nothing was applied.</source>
        <translation>Jemand anderes hat die Konfiguration des Dienstes geändert: sie hat jetzt Revision %1, Ihre Änderungen gingen von Revision %2 aus. Nichts wurde angewendet.</translation>
    </message>
    <message>
        <source>Reload the service&apos;s config and apply your changes on top of it?</source>
        <translation>Die Konfiguration des Dienstes neu laden und Ihre Änderungen darauf anwenden?</translation>
    </message>
    <message>
        <source>&amp;Reload and re-apply my changes</source>
        <translation>&amp;Neu laden und meine Änderungen erneut anwenden</translation>
    </message>
    <message>
        <source>Reload and &amp;discard my changes</source>
        <translation>Neu laden und meine Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Rollback failed: nothing changed.</source>
        <translation>Zurücksetzen fehlgeschlagen: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Not applied: nothing changed.</source>
        <translation>Nicht angewendet: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Ports could not be bound</source>
        <translation>Ports konnten nicht gebunden werden</translation>
    </message>
    <message>
        <source>The rollback needs ports that cannot be bound now, so nothing changed (all or nothing).</source>
        <translation>Das Zurücksetzen braucht Ports, die jetzt nicht gebunden werden können, daher wurde nichts geändert (alles oder nichts).</translation>
    </message>
    <message>
        <source>Some ports cannot be bound now, so nothing changed (all or nothing).</source>
        <translation>Einige Ports können jetzt nicht gebunden werden, daher wurde nichts geändert (alles oder nichts).</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Apply failed</source>
        <translation>Anwenden fehlgeschlagen</translation>
    </message>
    <message>
        <source>The service did not apply the config: %1</source>
        <translation>Der Dienst hat die Konfiguration nicht angewendet: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::CertificatesModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1 (Versuch %2)</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>nächster Versuch %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Next renewal</source>
        <translation>Nächste Erneuerung</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::CertificatesView</name>
    <message>
        <source>Re&amp;new now</source>
        <translation>Jetzt er&amp;neuern</translation>
    </message>
    <message>
        <source>Ask the service to renew the selected certificate now</source>
        <translation>Den Dienst bitten, das gewählte Zertifikat jetzt zu erneuern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::EventsModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::EventsView</name>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Filter events…</source>
        <translation>Ereignisse filtern…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::MainWindow</name>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add route…</source>
        <translation>Route &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a route</source>
        <translation>Eine Route hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit route…</source>
        <translation>Route &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Edit the selected route</source>
        <translation>Die gewählte Route bearbeiten</translation>
    </message>
    <message>
        <source>D&amp;uplicate route</source>
        <translation>Route d&amp;uplizieren</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Copy the selected route</source>
        <translation>Die gewählte Route kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete route</source>
        <translation>Route &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the selected route</source>
        <translation>Die gewählte Route löschen</translation>
    </message>
    <message>
        <source>E&amp;nable or disable</source>
        <translation>A&amp;ktivieren oder deaktivieren</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Switch the selected route on or off</source>
        <translation>Die gewählte Route ein- oder ausschalten</translation>
    </message>
    <message>
        <source>&amp;Raise priority</source>
        <translation>Priorität &amp;erhöhen</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Raise the selected route&apos;s priority by one</source>
        <translation>Die Priorität der gewählten Route um eins erhöhen</translation>
    </message>
    <message>
        <source>&amp;Lower priority</source>
        <translation>Priorität &amp;senken</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Lower the selected route&apos;s priority by one</source>
        <translation>Die Priorität der gewählten Route um eins senken</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Check the local changes with the service and run them</source>
        <translation>Die lokalen Änderungen vom Dienst prüfen lassen und ausführen</translation>
    </message>
    <message>
        <source>Apply all or &amp;nothing</source>
        <translation>Alles oder &amp;nichts anwenden</translation>
    </message>
    <message>
        <source>Apply only if every port can be bound; otherwise change nothing</source>
        <translation>Nur anwenden, wenn jeder Port gebunden werden kann; sonst nichts ändern</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Throw the local changes away and show what the service runs</source>
        <translation>Die lokalen Änderungen verwerfen und zeigen, was der Dienst ausführt</translation>
    </message>
    <message>
        <source>Re&amp;load the service&apos;s config file</source>
        <translation>Konfigurationsdatei des Dienstes neu &amp;laden</translation>
    </message>
    <message>
        <source>Make the service read its config file again</source>
        <translation>Den Dienst seine Konfigurationsdatei neu lesen lassen</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Neu &amp;verbinden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Connect to the service again now</source>
        <translation>Jetzt neu mit dem Dienst verbinden</translation>
    </message>
    <message>
        <source>&amp;Import config…</source>
        <translation>Konfiguration &amp;importieren…</translation>
    </message>
    <message>
        <source>Load a config file as local changes</source>
        <translation>Eine Konfigurationsdatei als lokale Änderungen laden</translation>
    </message>
    <message>
        <source>E&amp;xport config…</source>
        <translation>Konfiguration e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save the local config to a file</source>
        <translation>Die lokale Konfiguration in eine Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close Gatehouse</source>
        <translation>Gatehouse schließen</translation>
    </message>
    <message>
        <source>&amp;Routes</source>
        <translation>&amp;Routen</translation>
    </message>
    <message>
        <source>&amp;Ports</source>
        <translation>&amp;Ports</translation>
    </message>
    <message>
        <source>&amp;Certificates</source>
        <translation>&amp;Zertifikate</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Dienst</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>&amp;Über Gatehouse</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <source>Gatehouse %1: a reverse proxy with automatic HTTPS.
This window manages the service at %2.</source>
        <translation>Gatehouse %1: ein Reverse-Proxy mit automatischem HTTPS.
Dieses Fenster verwaltet den Dienst unter %2.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Double-click a finding to edit its route</source>
        <translation>Doppelklick auf einen Befund bearbeitet seine Route</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>Nicht angewendete Änderungen</translation>
    </message>
    <message>
        <source>Your changes to the routes are not applied. Quit and lose them?</source>
        <translation>Ihre Änderungen an den Routen sind nicht angewendet. Beenden und sie verlieren?</translation>
    </message>
    <message>
        <source>Could not read the service&apos;s config: %1</source>
        <translation>Die Konfiguration des Dienstes konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The service&apos;s config could not be read here: %1</source>
        <translation>Die Konfiguration des Dienstes konnte hier nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The certificates could not be listed: %1</source>
        <translation>Die Zertifikate konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>No certificates: no route terminates TLS with an automatic certificate (TLS tab: certificate Automatic).</source>
        <translation>Keine Zertifikate: keine Route beendet TLS mit einem automatischen Zertifikat (Reiter TLS: Zertifikat Automatisch).</translation>
    </message>
    <message>
        <source>Asking the service to renew the certificate for %1…</source>
        <translation>Der Dienst wird gebeten, das Zertifikat für %1 zu erneuern…</translation>
    </message>
    <message>
        <source>Renewal of the certificate for %1 started.</source>
        <translation>Die Erneuerung des Zertifikats für %1 hat begonnen.</translation>
    </message>
    <message>
        <source>Renew now</source>
        <translation>Jetzt erneuern</translation>
    </message>
    <message>
        <source>The certificate for %1 could not be renewed: %2</source>
        <translation>Das Zertifikat für %1 konnte nicht erneuert werden: %2</translation>
    </message>
    <message>
        <source>The service re-read its config file: revision %1.</source>
        <translation>Der Dienst hat seine Konfigurationsdatei neu gelesen: Revision %1.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>The service kept its running config: %1</source>
        <translation>Der Dienst hat seine laufende Konfiguration behalten: %1</translation>
    </message>
    <message>
        <source>The service&apos;s config changed to revision %1 since your edits started from revision %2 (another client applied a change). Apply offers to reload it and re-apply your changes on top.</source>
        <translation>Die Konfiguration des Dienstes hat sich auf Revision %1 geändert, Ihre Änderungen gingen von Revision %2 aus (ein anderer Client hat etwas angewendet). Anwenden bietet an, sie neu zu laden und Ihre Änderungen darauf erneut anzuwenden.</translation>
    </message>
    <message>
        <source>Gatehouse — %1</source>
        <translation>Gatehouse — %1</translation>
    </message>
    <message>
        <source>revision %1, changes not applied</source>
        <translation>Revision %1, Änderungen nicht angewendet</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>Fix the errors listed under the routes first</source>
        <translation>Zuerst die unter den Routen aufgeführten Fehler beheben</translation>
    </message>
    <message>
        <source>Check the local changes with the service and run them (%1)</source>
        <translation>Die lokalen Änderungen vom Dienst prüfen lassen und ausführen (%1)</translation>
    </message>
    <message>
        <source>Disa&amp;ble route</source>
        <translation>Route &amp;deaktivieren</translation>
    </message>
    <message>
        <source>E&amp;nable route</source>
        <translation>Route a&amp;ktivieren</translation>
    </message>
    <message>
        <source>Deleted route %1 (Discard changes brings it back until you apply).</source>
        <translation>Route %1 gelöscht (Änderungen verwerfen holt sie zurück, bis Sie anwenden).</translation>
    </message>
    <message>
        <source>Reloaded revision %1; with your changes on top the config has errors, so it was not applied.</source>
        <translation>Revision %1 neu geladen; mit Ihren Änderungen darauf hat die Konfiguration Fehler und wurde nicht angewendet.</translation>
    </message>
    <message>
        <source>Import config</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <source>Gatehouse config (*.json);;All files (*)</source>
        <translation>Gatehouse-Konfiguration (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export config</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 was not imported:</source>
        <translation>%1 wurde nicht importiert:</translation>
    </message>
    <message>
        <source>Imported %1: 1 route, not applied yet.</source>
        <translation>%1 importiert: 1 Route, noch nicht angewendet.</translation>
    </message>
    <message>
        <source>Imported %1: %2 routes, not applied yet.</source>
        <translation>%1 importiert: %2 Routen, noch nicht angewendet.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported the config to %1.</source>
        <translation>Konfiguration nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::PortsModel</name>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::PortsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>No listeners: no enabled route wants a port.</source>
        <translation>Keine Listener: keine aktive Route braucht einen Port.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Listeners: %1</source>
        <translation>Listener: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::RouteEditor</name>
    <message>
        <source>New route</source>
        <translation>Neue Route</translation>
    </message>
    <message>
        <source>Edit route %1</source>
        <translation>Route %1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Route</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Aktion</translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation>&amp;TLS</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Verify TLS</source>
        <translation>TLS prüfen</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Route is active</source>
        <translation>Route ist aktiv</translation>
    </message>
    <message>
        <source>When several routes match a request, the higher priority wins</source>
        <translation>Passen mehrere Routen auf eine Anfrage, gewinnt die höhere Priorität</translation>
    </message>
    <message>
        <source>80, 443, 8000-8010</source>
        <translation>80, 443, 8000-8010</translation>
    </message>
    <message>
        <source>example.com, *.example.com (empty: any)</source>
        <translation>example.com, *.example.com (leer: alle)</translation>
    </message>
    <message>
        <source>/api/* (empty: any)</source>
        <translation>/api/* (leer: alle)</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 192.168.*.* (empty: any)</source>
        <translation>10.0.0.0/8, 192.168.*.* (leer: alle)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>P&amp;orts:</source>
        <translation>P&amp;orts:</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domains:</translation>
    </message>
    <message>
        <source>Pat&amp;h:</source>
        <translation>Pf&amp;ad:</translation>
    </message>
    <message>
        <source>&amp;Client IPs:</source>
        <translation>&amp;Client-IPs:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>Forward to targets</source>
        <translation>An Ziele weiterleiten</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>Umleiten</translation>
    </message>
    <message>
        <source>Respond with a fixed answer</source>
        <translation>Mit einer festen Antwort antworten</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bündel</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>Several hosts for one port: separate them with commas. Verify TLS, CA bundle and server name apply to terminate-and-reencrypt only.</source>
        <translation>Mehrere Hosts für einen Port: durch Kommas trennen. TLS prüfen, CA-Bündel und Servername gelten nur für terminate-and-reencrypt.</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Reihum</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>Wenigste Verbindungen</translation>
    </message>
    <message>
        <source>Client IP hash</source>
        <translation>Hash der Client-IP</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Version 1 (Text)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Version 2 (binär)</translation>
    </message>
    <message>
        <source>Tar&amp;gets:</source>
        <translation>&amp;Ziele:</translation>
    </message>
    <message>
        <source>skip a target after</source>
        <translation>ein Ziel überspringen nach</translation>
    </message>
    <message>
        <source>failures for</source>
        <translation>Fehlern für</translation>
    </message>
    <message>
        <source>&amp;Load balancing:</source>
        <translation>&amp;Lastverteilung:</translation>
    </message>
    <message>
        <source>Send PROXY &amp;protocol:</source>
        <translation>PROXY-&amp;Protokoll senden:</translation>
    </message>
    <message>
        <source>Placeholders: {host}, {path}, {query}, {port}</source>
        <translation>Platzhalter: {host}, {path}, {query}, {port}</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>None (plain TCP or HTTP)</source>
        <translation>Keins (reines TCP oder HTTP)</translation>
    </message>
    <message>
        <source>Passthrough (forward TLS untouched)</source>
        <translation>Durchreichen (TLS unverändert weiterleiten)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Terminate and re-encrypt to the targets</source>
        <translation>Beenden und zu den Zielen neu verschlüsseln</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>Automatic (ACME, Let&apos;s Encrypt)</source>
        <translation>Automatisch (ACME, Let&apos;s Encrypt)</translation>
    </message>
    <message>
        <source>Certificate and key files</source>
        <translation>Zertifikats- und Schlüsseldateien</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>C&amp;ertificate chain:</source>
        <translation>Z&amp;ertifikatskette:</translation>
    </message>
    <message>
        <source>Certificate chain (PEM)</source>
        <translation>Zertifikatskette (PEM)</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>Privater Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>empty: everyone</source>
        <translation>leer: alle</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>&amp;Allow only:</source>
        <translation>&amp;Nur erlauben:</translation>
    </message>
    <message>
        <source>&amp;Block:</source>
        <translation>&amp;Sperren:</translation>
    </message>
    <message>
        <source>&amp;Max. connections:</source>
        <translation>&amp;Max. Verbindungen:</translation>
    </message>
    <message>
        <source>The route as it appears in the config file; edits here show on the other tabs.</source>
        <translation>Die Route, wie sie in der Konfigurationsdatei steht; Änderungen hier erscheinen auf den anderen Reitern.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port (1..65535) or a range such as 8000-8010</source>
        <translation>&apos;%1&apos; ist kein Port (1..65535) und kein Bereich wie 8000-8010</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number 1..65535</source>
        <translation>&apos;%1&apos; ist keine Portnummer 1..65535</translation>
    </message>
    <message>
        <source>missing; the path of the certificate chain (PEM)</source>
        <translation>fehlt; der Pfad der Zertifikatskette (PEM)</translation>
    </message>
    <message>
        <source>missing; the path of the private key (PEM)</source>
        <translation>fehlt; der Pfad des privaten Schlüssels (PEM)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Prometheus metrics</source>
        <translation>Prometheus-Metriken</translation>
    </message>
    <message>
        <source>Answers GET with the service&apos;s counters in the Prometheus text format. They name routes, domains and ports: restrict the route with an IP allow list on the Security tab.</source>
        <translation>Beantwortet GET mit den Zählern des Dienstes im Prometheus-Textformat. Sie nennen Routen, Domains und Ports: Beschränken Sie die Route mit einer IP-Zulassungsliste auf der Registerkarte Sicherheit.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::RoutesModel</name>
    <message>
        <source>invalid: %1</source>
        <translation>ungültig: %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>not applied yet</source>
        <translation>noch nicht angewendet</translation>
    </message>
    <message>
        <source>port conflict: %1 in use by another process</source>
        <translation>Portkonflikt: %1 von einem anderen Prozess belegt</translation>
    </message>
    <message>
        <source>port conflict: %1 held by %2 (pid %3)</source>
        <translation>Portkonflikt: %1 belegt von %2 (PID %3)</translation>
    </message>
    <message>
        <source>port %1 denied: needs privileges</source>
        <translation>Port %1 verweigert: braucht Rechte</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>certificate failed</source>
        <translation>Zertifikat fehlgeschlagen</translation>
    </message>
    <message>
        <source>certificate failed: %1</source>
        <translation>Zertifikat fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>Zertifikat %1</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>in Betrieb</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::ServiceConnection</name>
    <message>
        <source>Connecting to the Gatehouse service at %1…</source>
        <translation>Verbinde mit dem Gatehouse-Dienst unter %1…</translation>
    </message>
    <message>
        <source>Connected to the Gatehouse service at %1.</source>
        <translation>Mit dem Gatehouse-Dienst unter %1 verbunden.</translation>
    </message>
    <message>
        <source>Retrying in 1 second.</source>
        <translation>Neuer Versuch in 1 Sekunde.</translation>
    </message>
    <message>
        <source>Retrying in %1 seconds.</source>
        <translation>Neuer Versuch in %1 Sekunden.</translation>
    </message>
    <message>
        <source>Only Administrators and SYSTEM may manage Gatehouse: run the GUI as administrator.</source>
        <translation>Nur Administratoren und SYSTEM dürfen Gatehouse verwalten: starten Sie die GUI als Administrator.</translation>
    </message>
    <message>
        <source>Only root, the service&apos;s own user and members of the &apos;%1&apos; group may manage Gatehouse: join the group (sudo usermod -aG %1 $USER), then log out and in again.</source>
        <translation>Nur root, der eigene Benutzer des Dienstes und Mitglieder der Gruppe &apos;%1&apos; dürfen Gatehouse verwalten: treten Sie der Gruppe bei (sudo usermod -aG %1 $USER), dann ab- und wieder anmelden.</translation>
    </message>
    <message>
        <source>Not connected: permission denied on %1. %2 %3</source>
        <translation>Nicht verbunden: Zugriff verweigert auf %1. %2 %3</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running (nothing listens on %1)</source>
        <translation>der Gatehouse-Dienst läuft nicht (auf %1 lauscht nichts)</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running (%1 does not exist)</source>
        <translation>der Gatehouse-Dienst läuft nicht (%1 existiert nicht)</translation>
    </message>
    <message>
        <source>the service at %1 did not answer in time</source>
        <translation>der Dienst unter %1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation>die Verbindung zu %1 ist abgerissen</translation>
    </message>
    <message>
        <source>Not connected: %1. Start it with: %2. %3</source>
        <translation>Nicht verbunden: %1. Starten Sie ihn mit: %2. %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::i18n</name>
    <message>
        <source>Language of messages: de, en, es or fr (default: $GATEHOUSE_LANG, else the system&apos;s).</source>
        <translation>Sprache der Meldungen: de, en, es oder fr (Standard: $GATEHOUSE_LANG, sonst die des Systems).</translation>
    </message>
</context>
<context>
    <name>gatehouse::net::PortManager</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>strict mode: nothing changed because %1</source>
        <translation>strikter Modus: nichts geändert, weil %1</translation>
    </message>
    <message>
        <source>%1 is not bound yet</source>
        <translation>%1 ist noch nicht gebunden</translation>
    </message>
    <message>
        <source>no ACME challenge port can be bound: %1</source>
        <translation>kein Port für ACME-Challenges kann gebunden werden: %1</translation>
    </message>
    <message>
        <source>internal error: %1 (wanted by %2) overlaps this process&apos;s own listener %3 (used by %4); use one bind address for both</source>
        <translation>interner Fehler: %1 (gewünscht von %2) überschneidet sich mit dem eigenen Listener %3 dieses Prozesses (genutzt von %4); verwenden Sie für beide dieselbe Bind-Adresse</translation>
    </message>
    <message>
        <source>internal error: %1 (wanted by %2) is held by this process outside the port manager (pid %3)</source>
        <translation>interner Fehler: %1 (gewünscht von %2) ist von diesem Prozess außerhalb der Portverwaltung belegt (PID %3)</translation>
    </message>
    <message>
        <source>%1 is in use by %2; stop it or change the port of %3. Gatehouse binds it as soon as it is free</source>
        <translation>%1 ist belegt durch %2; beenden Sie ihn oder ändern Sie den Port von %3. Gatehouse bindet den Port, sobald er frei ist</translation>
    </message>
    <message>
        <source>another process (the OS did not say which; running as root shows other users&apos; processes)</source>
        <translation>einen anderen Prozess (das System sagt nicht, welchen; als root gestartet sieht man die Prozesse anderer Benutzer)</translation>
    </message>
    <message>
        <source>%1: access denied: Windows reserves this port (netsh interface ipv4 show excludedportrange protocol=tcp) or another program holds it exclusively; choose another port</source>
        <translation>%1: Zugriff verweigert: Windows reserviert diesen Port (netsh interface ipv4 show excludedportrange protocol=tcp) oder ein anderes Programm belegt ihn exklusiv; wählen Sie einen anderen Port</translation>
    </message>
    <message>
        <source>%1: permission denied: port %2 is privileged and this process may not bind it. Run Gatehouse as its service (the unit grants CAP_NET_BIND_SERVICE), grant the capability (setcap cap_net_bind_service=+ep %3), or use a port &gt;= 1024</source>
        <translation>%1: Zugriff verweigert: Port %2 ist privilegiert und dieser Prozess darf ihn nicht binden. Starten Sie Gatehouse als Dienst (die Unit gewährt CAP_NET_BIND_SERVICE), gewähren Sie die Capability (setcap cap_net_bind_service=+ep %3) oder verwenden Sie einen Port &gt;= 1024</translation>
    </message>
    <message>
        <source>%1: address not available: %2 is not an address of this host; set bindAddress to one of its addresses (or 0.0.0.0), or bring the interface up. Retried until the address appears</source>
        <translation>%1: Adresse nicht verfügbar: %2 ist keine Adresse dieses Rechners; setzen Sie bindAddress auf eine seiner Adressen (oder 0.0.0.0) oder aktivieren Sie die Schnittstelle. Wird wiederholt, bis die Adresse erscheint</translation>
    </message>
    <message>
        <source>%1: %2; set bindAddress to a numeric address such as 0.0.0.0</source>
        <translation>%1: %2; setzen Sie bindAddress auf eine numerische Adresse wie 0.0.0.0</translation>
    </message>
    <message>
        <source>%1: bind failed: %2 (error %3)</source>
        <translation>%1: Binden fehlgeschlagen: %2 (Fehler %3)</translation>
    </message>
</context>
<context>
    <name>gatehouse::net::ProcessInfo</name>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>pid %1, %2</source>
        <translation>PID %1, %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::proxy::TlsContextStore</name>
    <message>
        <source>cipher or group list refused: %1</source>
        <extracomment>%1 is OpenSSL&apos;s error text</extracomment>
        <translation>die Liste der Cipher-Suites oder Gruppen wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>cannot read certificate file %1: %2</source>
        <translation>Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read key file %1: %2</source>
        <translation>Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>(in-memory certificate)</source>
        <extracomment>stands for a file name when the certificate was handed over in memory (ACME)</extracomment>
        <translation>(Zertifikat im Speicher)</translation>
    </message>
    <message>
        <source>(in-memory key)</source>
        <extracomment>stands for a file name when the private key was handed over in memory (ACME)</extracomment>
        <translation>(Schlüssel im Speicher)</translation>
    </message>
    <message>
        <source>no PEM certificate in %1: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>kein PEM-Zertifikat in %1: %2</translation>
    </message>
    <message>
        <source>certificate %1 refused: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>Zertifikat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>chain certificate in %1 refused: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>Kettenzertifikat in %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>no usable PEM private key in %1 (an encrypted key is not supported): %2</source>
        <extracomment>%1 is a key file (or &quot;(in-memory key)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>kein verwendbarer privater Schlüssel im PEM-Format in %1 (verschlüsselte Schlüssel werden nicht unterstützt): %2</translation>
    </message>
    <message>
        <source>key %1 does not match certificate %2: %3</source>
        <extracomment>%1 is a key file, %2 a certificate file (either may be &quot;(in-memory ...)&quot;), %3 OpenSSL&apos;s error text</extracomment>
        <translation>Schlüssel %1 passt nicht zum Zertifikat %2: %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::proxy::TlsError</name>
    <message>
        <source>no OpenSSL error reported</source>
        <translation>OpenSSL hat keinen Fehler gemeldet</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::DomainPattern</name>
    <message>
        <source>a domain name is at most %1 characters</source>
        <translation>ein Domainname hat höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>empty label (two dots in a row, or a dot at the start)</source>
        <translation>leeres Label (zwei Punkte hintereinander oder ein Punkt am Anfang)</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; is longer than %2 characters</source>
        <translation>Label &apos;%1&apos; ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; starts or ends with a hyphen</source>
        <translation>Label &apos;%1&apos; beginnt oder endet mit einem Bindestrich</translation>
    </message>
    <message>
        <source>a wildcard must be the whole leftmost label, as in *.example.com</source>
        <translation>eine Wildcard muss das ganze Label ganz links sein, wie in *.example.com</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; has &apos;%2&apos;; only letters, digits and hyphens are allowed</source>
        <extracomment>%1 is a label (a part between dots) of a domain name, %2 the character not allowed in it.</extracomment>
        <translation>Label &apos;%1&apos; enthält &apos;%2&apos;; erlaubt sind nur Buchstaben, Ziffern und Bindestriche</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>leere Domain</translation>
    </message>
    <message>
        <source>remove the trailing dot</source>
        <translation>den Punkt am Ende entfernen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid internationalized domain name</source>
        <translation>&apos;%1&apos; ist kein gültiger internationalisierter Domainname</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::IpPattern</name>
    <message>
        <source>&apos;%1&apos;: a glob has four octets, as in 192.168.*.*</source>
        <translation>&apos;%1&apos;: ein Glob hat vier Oktette, wie in 192.168.*.*</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a * must stand for whole trailing octets, as in 192.168.*.*</source>
        <translation>&apos;%1&apos;: ein * muss für ganze Oktette am Ende stehen, wie in 192.168.*.*</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IPv4 glob</source>
        <translation>&apos;%1&apos; ist kein gültiger IPv4-Glob</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid CIDR (an address, &apos;/&apos;, and a prefix length up to 32 for IPv4 or 128 for IPv6)</source>
        <translation>&apos;%1&apos; ist kein gültiges CIDR (eine Adresse, &apos;/&apos; und eine Präfixlänge bis 32 für IPv4 oder 128 für IPv6)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address, CIDR or glob</source>
        <translation>&apos;%1&apos; ist weder IP-Adresse noch CIDR noch Glob</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::OverlapAnalysis</name>
    <message>
        <source>routes %1 and &apos;%2&apos; have the same match and the same priority: %1 wins by config order, so &apos;%2&apos; is never selected</source>
        <extracomment>%1 is the first route, as in &quot;&apos;web&apos; (routes[0])&quot;; %2 the name of the route it hides.</extracomment>
        <translation>die Routen %1 und &apos;%2&apos; haben dieselben Bedingungen und dieselbe Priorität: %1 gewinnt durch die Reihenfolge in der Konfiguration, daher wird &apos;%2&apos; nie gewählt</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and has a higher priority (%3 over %4), so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;; %3 and %4 their priorities.</extracomment>
        <translation>Route &apos;%1&apos; wird von Route %2 verdeckt, die auf alles passt, worauf &apos;%1&apos; passt, und eine höhere Priorität hat (%3 gegenüber %4); daher wird &apos;%1&apos; nie gewählt</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and is more specific at the same priority, so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;.</extracomment>
        <translation>Route &apos;%1&apos; wird von Route %2 verdeckt, die auf alles passt, worauf &apos;%1&apos; passt, und bei gleicher Priorität spezifischer ist; daher wird &apos;%1&apos; nie gewählt</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and is as specific, at the same priority, and comes first, so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;.</extracomment>
        <translation>Route &apos;%1&apos; wird von Route %2 verdeckt, die auf alles passt, worauf &apos;%1&apos; passt, bei gleicher Priorität ebenso spezifisch ist und zuerst kommt; daher wird &apos;%1&apos; nie gewählt</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::PathPattern</name>
    <message>
        <source>a path starts with &apos;/&apos;, as in /api/*</source>
        <translation>ein Pfad beginnt mit &apos;/&apos;, wie in /api/*</translation>
    </message>
    <message>
        <source>a path has no spaces or control characters</source>
        <translation>ein Pfad enthält keine Leerzeichen oder Steuerzeichen</translation>
    </message>
    <message>
        <source>a path has no query or fragment (&apos;%1&apos;)</source>
        <extracomment>%1 is the character found: ? or #.</extracomment>
        <translation>ein Pfad enthält weder Query noch Fragment (&apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>gatehouse::service::Service</name>
    <message>
        <source>the config is invalid: %1</source>
        <translation>die Konfiguration ist ungültig: %1</translation>
    </message>
    <message>
        <source>expected %1</source>
        <extracomment>%1 is the JSON shape of a control method&apos;s parameters, such as {&quot;domain&quot;: NAME}.</extracomment>
        <translation>%1 erwartet</translation>
    </message>
    <message>
        <source>control socket: %1</source>
        <extracomment>What gatehoused prints when it cannot listen on its control socket; %1 says why.</extracomment>
        <translation>Steuersocket: %1</translation>
    </message>
    <message>
        <source>strict apply: nothing changed: %1</source>
        <extracomment>%1 says which ports could not be bound.</extracomment>
        <translation>striktes Anwenden: nichts geändert: %1</translation>
    </message>
</context>
<context>
    <name>gatehoused</name>
    <message>
        <source>%1: 1 error, config rejected</source>
        <translation>%1: 1 Fehler, Konfiguration abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2 errors, config rejected</source>
        <translation>%1: %2 Fehler, Konfiguration abgelehnt</translation>
    </message>
    <message>
        <source>%1: ok: %2 routes</source>
        <translation>%1: ok: %2 Routen</translation>
    </message>
    <message>
        <source> (%1 disabled)</source>
        <translation> (%1 deaktiviert)</translation>
    </message>
    <message>
        <source>, no ports</source>
        <translation>, keine Ports</translation>
    </message>
    <message>
        <source>, ports %1 on %2</source>
        <translation>, Ports %1 auf %2</translation>
    </message>
    <message>
        <source>, 1 warning</source>
        <translation>, 1 Warnung</translation>
    </message>
    <message>
        <source>, %1 warnings</source>
        <translation>, %1 Warnungen</translation>
    </message>
    <message>
        <source>Gatehouse service: a reverse proxy with automatic HTTPS.</source>
        <translation>Gatehouse-Dienst: ein Reverse-Proxy mit automatischem HTTPS.</translation>
    </message>
    <message>
        <source>Config file (default: %1).</source>
        <translation>Konfigurationsdatei (Standard: %1).</translation>
    </message>
    <message>
        <source>Validate the config file and exit: 0 when valid, 1 with the errors otherwise.</source>
        <translation>Die Konfigurationsdatei prüfen und beenden: 0 wenn gültig, sonst 1 mit den Fehlern.</translation>
    </message>
    <message>
        <source>Directory for certificates and ACME state (default: %1).</source>
        <translation>Verzeichnis für Zertifikate und ACME-Zustand (Standard: %1).</translation>
    </message>
    <message>
        <source>Control socket path (default: %1).</source>
        <translation>Pfad des Steuersockets (Standard: %1).</translation>
    </message>
    <message>
        <source>debug, info (default), warning or error; per area with QT_LOGGING_RULES, e.g. gatehouse.net.debug=true.</source>
        <translation>debug, info (Standard), warning oder error; je Bereich mit QT_LOGGING_RULES, z. B. gatehouse.net.debug=true.</translation>
    </message>
    <message>
        <source>gatehoused: unknown --log-level &apos;%1&apos;; expected debug, info, warning or error</source>
        <translation>gatehoused: unbekanntes --log-level &apos;%1&apos;; erwartet: debug, info, warning oder error</translation>
    </message>
    <message>
        <source>gatehoused: %1 and %2 cannot be combined</source>
        <translation>gatehoused: %1 und %2 können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>Print the JSON Schema (draft 2020-12) of the config file and exit, for editors that complete and check config files.</source>
        <translation>Das JSON-Schema (Draft 2020-12) der Konfigurationsdatei ausgeben und beenden, für Editoren, die Konfigurationsdateien vervollständigen und prüfen.</translation>
    </message>
    <message>
        <source>%1: error: no such file</source>
        <translation>%1: Fehler: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>Run under the Windows service control manager (the installed service&apos;s command line; not for a console).</source>
        <translation>Unter dem Windows-Dienststeuerungs-Manager laufen (die Befehlszeile des installierten Dienstes; nicht für eine Konsole).</translation>
    </message>
    <message>
        <source>Install the Windows service %1 (automatic start, account NT SERVICE\%1, restarted on failure) to run with the --config, --state-dir, --control and --log-level given here, and make the config and state directories private to it. Needs an elevated prompt.</source>
        <translation>Den Windows-Dienst %1 installieren (automatischer Start, Konto NT SERVICE\%1, Neustart bei Fehlern), der mit den hier angegebenen --config, --state-dir, --control und --log-level läuft, und die Konfigurations- und Zustandsverzeichnisse nur ihm zugänglich machen. Erfordert eine Eingabeaufforderung mit Administratorrechten.</translation>
    </message>
    <message>
        <source>Stop and remove the Windows service %1; the config and state stay. Needs an elevated prompt.</source>
        <translation>Den Windows-Dienst %1 beenden und entfernen; Konfiguration und Zustand bleiben erhalten. Erfordert eine Eingabeaufforderung mit Administratorrechten.</translation>
    </message>
    <message>
        <source>Windows services exist only on Windows; on Linux run gatehoused under systemd (Type=notify: it reports READY, reloads on SIGHUP and stops on SIGTERM)</source>
        <translation>Windows-Dienste gibt es nur unter Windows; unter Linux gatehoused unter systemd laufen lassen (Type=notify: es meldet READY, lädt bei SIGHUP neu und beendet sich bei SIGTERM)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Gatehouse: manage the reverse proxy&apos;s routes, ports and certificates.</source>
        <translation>Gatehouse: Routen, Ports und Zertifikate des Reverse-Proxys verwalten.</translation>
    </message>
    <message>
        <source>The service&apos;s control socket (default: %1).</source>
        <translation>Der Steuersocket des Dienstes (Standard: %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
</context>
</TS>
