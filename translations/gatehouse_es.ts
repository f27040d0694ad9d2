<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>GuiText</name>
    <message>
        <source>ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023</source>
        <translation>los puertos por debajo de 1024 requieren privilegios: ejecute gatehoused como root o dele CAP_NET_BIND_SERVICE (AmbientCapabilities= en su unidad), o use un puerto por encima de 1023</translation>
    </message>
    <message>
        <source>; next retry %1 (%2)</source>
        <translation>; próximo intento %1 (%2)</translation>
    </message>
    <message>
        <source>in use by another process (the system does not say which)</source>
        <translation>en uso por otro proceso (el sistema no dice cuál)</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>en uso por %1</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>escuchando</translation>
    </message>
    <message>
        <source>listening since %1</source>
        <translation>escuchando desde %1</translation>
    </message>
    <message>
        <source>waiting to bind</source>
        <translation>esperando para enlazar</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 segundo</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 segundos</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>hace %1</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>reenviar</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>redirigir %1 a %2</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>responder %1</translation>
    </message>
    <message>
        <source>%1 (automatic certificate)</source>
        <translation>%1 (certificado automático)</translation>
    </message>
    <message>
        <source>%1 (certificate files)</source>
        <translation>%1 (archivos de certificado)</translation>
    </message>
    <message>
        <source>config applied: revision %1</source>
        <translation>configuración aplicada: revisión %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 liberado</translation>
    </message>
    <message>
        <source>certificate for %1: %2</source>
        <translation>certificado para %1: %2</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>métricas</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>válido</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>issuing</source>
        <translation>emitiéndose</translation>
    </message>
    <message>
        <source>renewing</source>
        <translation>renovándose</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
</context>
<context>
    <name>RouteJson</name>
    <message>
        <source>expected one route: a JSON object with name, match and action</source>
        <translation>se esperaba una ruta: un objeto JSON con name, match y action</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeClient</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>acme.caBundle &quot;%1&quot;: no PEM certificate could be read from it (missing, unreadable or not PEM)</source>
        <translation>acme.caBundle &quot;%1&quot;: no se pudo leer ningún certificado PEM de él (no existe, no es legible o no es PEM)</translation>
    </message>
    <message>
        <source>the ACME directory %1 offers no renewalInfo (RFC 9773)</source>
        <translation>el directorio ACME %1 no ofrece renewalInfo (RFC 9773)</translation>
    </message>
    <message>
        <source>renewalInfo: &quot;%1&quot; is not an ARI certificate id (base64url(AKI) &quot;.&quot; base64url(serial))</source>
        <translation>renewalInfo: &quot;%1&quot; no es un identificador de certificado ARI (base64url(AKI) &quot;.&quot; base64url(serial))</translation>
    </message>
    <message>
        <source>%1: no valid suggestedWindow (RFC 9773 4.2) in &quot;%2&quot;</source>
        <translation>%1: no hay un suggestedWindow válido (RFC 9773 4.2) en &quot;%2&quot;</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>sin respuesta en %1 ms</translation>
    </message>
    <message>
        <source>%1 gave no Replay-Nonce header</source>
        <translation>%1 no devolvió ninguna cabecera Replay-Nonce</translation>
    </message>
    <message>
        <source>%1 is not an ACME directory (no %2)</source>
        <translation>%1 no es un directorio ACME (falta %2)</translation>
    </message>
    <message>
        <source>%1 created no account (no Location header)</source>
        <translation>%1 no creó ninguna cuenta (sin cabecera Location)</translation>
    </message>
    <message>
        <source>account %1 is &quot;%2&quot;, not valid</source>
        <translation>la cuenta %1 está &quot;%2&quot;, no es válida</translation>
    </message>
    <message>
        <source>no directory for the ACME account key</source>
        <translation>no hay carpeta para la clave de la cuenta ACME</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (move it away to register a new account)</source>
        <translation>%1: %2 (muévalo a otro sitio para registrar una cuenta nueva)</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>account key: %1</source>
        <translation>clave de la cuenta: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeOrder</name>
    <message>
        <source>%1 is &quot;%2&quot; without an error</source>
        <translation>%1 está &quot;%2&quot; sin indicar ningún error</translation>
    </message>
    <message>
        <source>order for %1 not finished within %2 s (last step: %3)</source>
        <extracomment>%1 lists domain names, %2 is a number of seconds, %3 the step name as the status shows it (ordering, finalizing, ...)</extracomment>
        <translation>el pedido para %1 no terminó en %2 s (último paso: %3)</translation>
    </message>
    <message>
        <source>an order needs at least one domain</source>
        <translation>un pedido necesita al menos un dominio</translation>
    </message>
    <message>
        <source>domains[%1] is empty</source>
        <translation>domains[%1] está vacío</translation>
    </message>
    <message>
        <source>an order needs a challenge responder</source>
        <translation>un pedido necesita algo que responda a los desafíos</translation>
    </message>
    <message>
        <source>%1 answered an order without Location, finalize or authorizations</source>
        <translation>%1 respondió con un pedido sin Location, finalize ni authorizations</translation>
    </message>
    <message>
        <source>order %1</source>
        <extracomment>%1 is the order URL at the CA</extracomment>
        <translation>pedido %1</translation>
    </message>
    <message>
        <source>%1 (not supported by Gatehouse)</source>
        <translation>%1 (Gatehouse no lo admite)</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1 (no ofrecido)</translation>
    </message>
    <message>
        <source>%1 (the challenge port is not bound)</source>
        <translation>%1 (el puerto del desafío no está enlazado)</translation>
    </message>
    <message>
        <source>%1: no challenge can be answered; the CA offers %2; tried %3</source>
        <extracomment>%1 is a domain name, %2 the challenge types the CA offers, %3 the types tried, each with its reason</extracomment>
        <translation>%1: no se puede responder a ningún desafío; la CA ofrece %2; probados: %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>%1: %2 challenge without a url or a base64url token</source>
        <translation>%1: desafío %2 sin url o sin token base64url</translation>
    </message>
    <message>
        <source>order %1 is valid without a certificate URL</source>
        <translation>el pedido %1 es válido pero no tiene URL de certificado</translation>
    </message>
    <message>
        <source>certificate key: %1</source>
        <translation>clave del certificado: %1</translation>
    </message>
    <message>
        <source>%1 answered &quot;%2&quot; instead of a PEM certificate chain</source>
        <translation>%1 respondió &quot;%2&quot; en lugar de una cadena de certificados PEM</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeProblem</name>
    <message>
        <source>error</source>
        <extracomment>stands for a problem type the CA left out (otherwise e.g. &quot;rateLimited&quot;)</extracomment>
        <translation>error</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>(sin detalles)</translation>
    </message>
    <message>
        <source>retry after %1 s</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation>reintentar dentro de %1 s</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a problem document</source>
        <extracomment>%1 is a URL, %2 an HTTP status code; a problem document is the CA&apos;s JSON error answer (RFC 7807)</extracomment>
        <translation>%1 respondió HTTP %2 sin documento de problema</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a problem document: &quot;%3&quot;</source>
        <extracomment>%1 is a URL, %2 an HTTP status code, %3 the start of the answer&apos;s body</extracomment>
        <translation>%1 respondió HTTP %2 sin documento de problema: &quot;%3&quot;</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertManager</name>
    <message>
        <source>the CA&apos;s certificate does not parse: %1</source>
        <translation>el certificado de la CA no se puede analizar: %1</translation>
    </message>
    <message>
        <source>the new certificate does not load: %1</source>
        <translation>el certificado nuevo no se carga: %1</translation>
    </message>
    <message>
        <source>%1 attempts for %2 in the last hour already; the next is possible at %3</source>
        <extracomment>%1 is a number of attempts, %2 a domain name, %3 an ISO 8601 UTC time</extracomment>
        <translation>ya hubo %1 intentos para %2 en la última hora; el siguiente es posible a las %3</translation>
    </message>
    <message>
        <source>no route has an automatic certificate for &apos;%1&apos;</source>
        <translation>ninguna ruta tiene un certificado automático para &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: the stored certificate does not load: %2</source>
        <extracomment>%1 is a list of domains, %2 why the certificate cannot be used</extracomment>
        <translation>%1: el certificado guardado no se carga: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1: no %2 (an interrupted first write?)</source>
        <extracomment>%1 is a directory, %2 the file name meta.json</extracomment>
        <translation>%1: no hay %2 (¿se interrumpió la primera escritura?)</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3)</source>
        <extracomment>%1 is a file, %2 what is wrong with it (the JSON parser&apos;s error, or &quot;wrong type&quot;), %3 a byte offset</extracomment>
        <translation>%1: no es un objeto JSON (%2 en la posición %3)</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>tipo incorrecto</translation>
    </message>
    <message>
        <source>%1: &quot;domains&quot; is missing or empty</source>
        <translation>%1: &quot;domains&quot; falta o está vacío</translation>
    </message>
    <message>
        <source>%1: the domains %2 belong in %3, not here</source>
        <extracomment>%1 is the meta.json file, %2 a list of domains, %3 the name of the directory they belong in</extracomment>
        <translation>%1: los dominios %2 van en %3, no aquí</translation>
    </message>
    <message>
        <source>%1 does not match %2 (a write was interrupted, or the file was changed by hand)</source>
        <extracomment>%1 is a certificate or key file, %2 the file name meta.json that records its checksum</extracomment>
        <translation>%1 no coincide con %2 (se interrumpió una escritura o el archivo se modificó a mano)</translation>
    </message>
    <message>
        <source>no domains given</source>
        <translation>no se indicó ningún dominio</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertificateInfo</name>
    <message>
        <source>the certificate chain is empty</source>
        <translation>la cadena de certificados está vacía</translation>
    </message>
    <message>
        <source>no PEM certificate at the start of the chain: %1</source>
        <extracomment>%1 is OpenSSL&apos;s error text</extracomment>
        <translation>no hay ningún certificado PEM al principio de la cadena: %1</translation>
    </message>
    <message>
        <source>the certificate&apos;s validity dates cannot be read</source>
        <translation>no se pueden leer las fechas de validez del certificado</translation>
    </message>
    <message>
        <source>the certificate&apos;s serial number cannot be read</source>
        <translation>no se puede leer el número de serie del certificado</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::Csr</name>
    <message>
        <source>CSR: no key</source>
        <translation>CSR: sin clave</translation>
    </message>
    <message>
        <source>CSR: no domains</source>
        <translation>CSR: sin dominios</translation>
    </message>
    <message>
        <source>CSR: domains[%1] &quot;%2&quot; is not an ASCII host name (empty, spaces or non-ASCII characters; use the punycode form)</source>
        <translation>CSR: domains[%1] &quot;%2&quot; no es un nombre de host ASCII (vacío, con espacios o con caracteres no ASCII; use la forma punycode)</translation>
    </message>
    <message>
        <source>CSR: %1</source>
        <translation>CSR: %1</translation>
    </message>
    <message>
        <source>CSR: common name: %1</source>
        <translation>CSR: nombre común: %1</translation>
    </message>
    <message>
        <source>CSR: subjectAltName: %1</source>
        <translation>CSR: subjectAltName: %1</translation>
    </message>
    <message>
        <source>CSR: signing: %1</source>
        <translation>CSR: firma: %1</translation>
    </message>
    <message>
        <source>CSR: encoding: %1</source>
        <translation>CSR: codificación: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::Jws</name>
    <message>
        <source>JWS for %1: no account key</source>
        <translation>JWS para %1: sin clave de cuenta</translation>
    </message>
    <message>
        <source>JWS for %1: %2</source>
        <extracomment>%1 is a URL, %2 why signing failed</extracomment>
        <translation>JWS para %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::PrivateKey</name>
    <message>
        <source>no OpenSSL error detail</source>
        <translation>OpenSSL no da detalles del error</translation>
    </message>
    <message>
        <source>cannot set up key generation: %1</source>
        <translation>no se puede preparar la generación de claves: %1</translation>
    </message>
    <message>
        <source>cannot generate a key: %1</source>
        <translation>no se puede generar una clave: %1</translation>
    </message>
    <message>
        <source>not a PEM private key: %1</source>
        <translation>no es una clave privada PEM: %1</translation>
    </message>
    <message>
        <source>EC key on curve %1; only P-256 is supported</source>
        <translation>clave EC en la curva %1; solo se admite P-256</translation>
    </message>
    <message>
        <source>RSA key of %1 bits; at least 2048 are needed</source>
        <translation>clave RSA de %1 bits; se necesitan al menos 2048</translation>
    </message>
    <message>
        <source>key type %1 is not supported (EC P-256 or RSA)</source>
        <translation>no se admite el tipo de clave %1 (EC P-256 o RSA)</translation>
    </message>
    <message>
        <source>no key to sign with</source>
        <translation>no hay ninguna clave con la que firmar</translation>
    </message>
    <message>
        <source>cannot sign: %1</source>
        <translation>no se puede firmar: %1</translation>
    </message>
    <message>
        <source>cannot decode the ECDSA signature: %1</source>
        <translation>no se puede decodificar la firma ECDSA: %1</translation>
    </message>
    <message>
        <source>ECDSA signature out of range</source>
        <translation>firma ECDSA fuera de rango</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigLoader</name>
    <message>
        <source>cannot read %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason.</extracomment>
        <translation>no se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigReader</name>
    <message>
        <source>a boolean</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>un número</translation>
    </message>
    <message>
        <source>a string</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>a list</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>nada</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>se esperaba un objeto, se encontró %1</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <extracomment>%1 is a field name the config does not know, %2 a known field spelled alike.</extracomment>
        <translation>campo desconocido &apos;%1&apos;; ¿quiso decir &apos;%2&apos;?</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; expected one of: %2</source>
        <extracomment>%1 is a field name the config does not know, %2 the known field names.</extracomment>
        <translation>campo desconocido &apos;%1&apos;; se esperaba uno de: %2</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>se esperaba una cadena, se encontró %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>se esperaba true o false, se encontró %1</translation>
    </message>
    <message>
        <source>an integer</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <extracomment>%1 is what the field takes (&quot;an integer&quot;, &quot;a port number 1..65535&quot;, ...), %2 the number or the kind of value found (&quot;a string&quot;, ...).</extracomment>
        <translation>se esperaba %1, se encontró %2</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3</source>
        <extracomment>%1 is the number found; %2..%3 the range allowed.</extracomment>
        <translation>%1 está fuera del rango %2..%3</translation>
    </message>
    <message>
        <source>unknown value &apos;%1&apos;; expected %2</source>
        <extracomment>%1 is the value found, %2 the values allowed (config words, not translated).</extracomment>
        <translation>valor desconocido &apos;%1&apos;; se esperaba %2</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un número de segundos</translation>
    </message>
    <message>
        <source>a port number 1..65535</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un número de puerto 1..65535</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>se esperaba una lista de cadenas, se encontró %1</translation>
    </message>
    <message>
        <source>expected a port, a list of ports, or a list with {&quot;from&quot;, &quot;to&quot;} ranges, found %1</source>
        <translation>se esperaba un puerto, una lista de puertos o una lista con rangos {&quot;from&quot;, &quot;to&quot;}, se encontró %1</translation>
    </message>
    <message>
        <source>expected at least one port</source>
        <translation>se esperaba al menos un puerto</translation>
    </message>
    <message>
        <source>missing; a range needs &quot;from&quot; and &quot;to&quot;</source>
        <translation>falta; un rango necesita &quot;from&quot; y &quot;to&quot;</translation>
    </message>
    <message>
        <source>missing; every route listens on at least one port</source>
        <translation>falta; cada ruta escucha en al menos un puerto</translation>
    </message>
    <message>
        <source>expected an object of header name to value or {&quot;regex&quot;: ...}, found %1</source>
        <translation>se esperaba un objeto de nombres de cabecera con su valor o {&quot;regex&quot;: ...}, se encontró %1</translation>
    </message>
    <message>
        <source>missing; expected {&quot;regex&quot;: PATTERN}</source>
        <translation>falta; se esperaba {&quot;regex&quot;: PATTERN}</translation>
    </message>
    <message>
        <source>expected a string or {&quot;regex&quot;: PATTERN}, found %1</source>
        <translation>se esperaba una cadena o {&quot;regex&quot;: PATTERN}, se encontró %1</translation>
    </message>
    <message>
        <source>expected a list of {&quot;host&quot;, &quot;port&quot;} targets, found %1</source>
        <translation>se esperaba una lista de destinos {&quot;host&quot;, &quot;port&quot;}, se encontró %1</translation>
    </message>
    <message>
        <source>expected a host name or a list of them, found %1</source>
        <translation>se esperaba un nombre de host o una lista de ellos, se encontró %1</translation>
    </message>
    <message>
        <source>missing; a target needs a host</source>
        <translation>falta; un destino necesita un host</translation>
    </message>
    <message>
        <source>missing; a target needs a port</source>
        <translation>falta; un destino necesita un puerto</translation>
    </message>
    <message>
        <source>missing; expected passthrough, terminate or terminate-and-reencrypt</source>
        <translation>falta; se esperaba passthrough, terminate o terminate-and-reencrypt</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, found &quot;%1&quot;</source>
        <translation>se esperaba &quot;auto&quot; o {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, se encontró &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing; a static certificate needs &quot;cert&quot; and &quot;key&quot; file paths</source>
        <translation>falta; un certificado estático necesita las rutas de archivo &quot;cert&quot; y &quot;key&quot;</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, found %1</source>
        <translation>se esperaba &quot;auto&quot; o {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, se encontró %1</translation>
    </message>
    <message>
        <source>missing; expected forward, redirect, respond or metrics</source>
        <translation>falta; se esperaba forward, redirect, respond o metrics</translation>
    </message>
    <message>
        <source>unknown action type &apos;%1&apos;; expected forward, redirect, respond or metrics</source>
        <translation>tipo de acción desconocido &apos;%1&apos;; se esperaba forward, redirect, respond o metrics</translation>
    </message>
    <message>
        <source>only for type &quot;%1&quot;; this action is &quot;%2&quot;</source>
        <extracomment>%1 is the action type the field belongs to, %2 the type of this action (forward, redirect, respond, metrics).</extracomment>
        <translation>solo para el tipo &quot;%1&quot;; esta acción es &quot;%2&quot;</translation>
    </message>
    <message>
        <source>an HTTP status code</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un código de estado HTTP</translation>
    </message>
    <message>
        <source>expected an object of header name to value, found %1</source>
        <translation>se esperaba un objeto de nombres de cabecera con su valor, se encontró %1</translation>
    </message>
    <message>
        <source>missing; a forward action needs at least one target</source>
        <translation>falta; una acción forward necesita al menos un destino</translation>
    </message>
    <message>
        <source>missing; a redirect action needs {&quot;to&quot;: &quot;https://{host}{path}&quot;}</source>
        <translation>falta; una acción redirect necesita {&quot;to&quot;: &quot;https://{host}{path}&quot;}</translation>
    </message>
    <message>
        <source>a number of connections (0 for no limit)</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un número de conexiones (0 para ningún límite)</translation>
    </message>
    <message>
        <source>missing; every route has a unique name</source>
        <translation>falta; cada ruta tiene un nombre único</translation>
    </message>
    <message>
        <source>missing; a route needs at least {&quot;ports&quot;: ...}</source>
        <translation>falta; una ruta necesita al menos {&quot;ports&quot;: ...}</translation>
    </message>
    <message>
        <source>missing; expected {&quot;type&quot;: &quot;forward&quot; | &quot;redirect&quot; | &quot;respond&quot;, ...}</source>
        <translation>falta; se esperaba {&quot;type&quot;: &quot;forward&quot; | &quot;redirect&quot; | &quot;respond&quot;, ...}</translation>
    </message>
    <message>
        <source>expected a list of ports, found %1</source>
        <translation>se esperaba una lista de puertos, se encontró %1</translation>
    </message>
    <message>
        <source>a number of worker threads (0: one per CPU core)</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un número de hilos de trabajo (0: uno por núcleo de CPU)</translation>
    </message>
    <message>
        <source>expected a list of routes, found %1</source>
        <translation>se esperaba una lista de rutas, se encontró %1</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <extracomment>%1 is the JSON parser&apos;s description of the error.</extracomment>
        <translation>JSON mal formado: %1</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;routes&quot; at the top level</source>
        <translation>se esperaba un objeto JSON con &quot;routes&quot; en el nivel superior</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason.</extracomment>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>the config changed since revision %1; the running revision is %2: reload it and apply your change again</source>
        <translation>la configuración cambió desde la revisión %1; la revisión en ejecución es la %2: vuelva a cargarla y aplique de nuevo su cambio</translation>
    </message>
    <message>
        <source>cannot create the directory of %1</source>
        <translation>no se puede crear el directorio de %1</translation>
    </message>
    <message>
        <source>cannot read %1 to keep it as a backup: %2</source>
        <extracomment>%1 is the config file&apos;s path, %2 the system&apos;s reason.</extracomment>
        <translation>no se puede leer %1 para guardar una copia de seguridad: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigValidator</name>
    <message>
        <source>a route needs a name</source>
        <translation>una ruta necesita un nombre</translation>
    </message>
    <message>
        <source>duplicate route name &apos;%1&apos; (also routes[%2]); names must be unique</source>
        <extracomment>%2 is the other route&apos;s index: routes[%2] is its place in the config file.</extracomment>
        <translation>nombre de ruta duplicado &apos;%1&apos; (también routes[%2]); los nombres deben ser únicos</translation>
    </message>
    <message>
        <source>CA bundle file &apos;%1&apos; does not exist</source>
        <translation>el archivo de paquete de CA &apos;%1&apos; no existe</translation>
    </message>
    <message>
        <source>certificate file &apos;%1&apos; does not exist</source>
        <translation>el archivo de certificado &apos;%1&apos; no existe</translation>
    </message>
    <message>
        <source>key file &apos;%1&apos; does not exist</source>
        <translation>el archivo de clave &apos;%1&apos; no existe</translation>
    </message>
    <message>
        <source>CA bundle file &apos;%1&apos; is not a readable file</source>
        <translation>el archivo de paquete de CA &apos;%1&apos; no es un archivo legible</translation>
    </message>
    <message>
        <source>certificate file &apos;%1&apos; is not a readable file</source>
        <translation>el archivo de certificado &apos;%1&apos; no es un archivo legible</translation>
    </message>
    <message>
        <source>key file &apos;%1&apos; is not a readable file</source>
        <translation>el archivo de clave &apos;%1&apos; no es un archivo legible</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address; use 0.0.0.0 for all IPv4 interfaces, :: for IPv4 and IPv6, or one address of this host</source>
        <translation>&apos;%1&apos; no es una dirección IP; use 0.0.0.0 para todas las interfaces IPv4, :: para IPv4 e IPv6, o una dirección de este equipo</translation>
    </message>
    <message>
        <source>expected 0 (one per CPU core) or a positive number</source>
        <translation>se esperaba 0 (uno por núcleo de CPU) o un número positivo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address</source>
        <translation>&apos;%1&apos; no es una dirección de correo electrónico</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an https:// URL of an ACME directory</source>
        <translation>&apos;%1&apos; no es una URL https:// de un directorio ACME</translation>
    </message>
    <message>
        <source>expected at least one of http-01, tls-alpn-01</source>
        <translation>se esperaba al menos uno de http-01, tls-alpn-01</translation>
    </message>
    <message>
        <source>unknown challenge type &apos;%1&apos;; expected http-01 or tls-alpn-01</source>
        <translation>tipo de desafío desconocido &apos;%1&apos;; se esperaba http-01 o tls-alpn-01</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice</source>
        <translation>&apos;%1&apos; aparece dos veces</translation>
    </message>
    <message>
        <source>expected a port number 1..65535</source>
        <translation>se esperaba un número de puerto 1..65535</translation>
    </message>
    <message>
        <source>expected at least one port</source>
        <translation>se esperaba al menos un puerto</translation>
    </message>
    <message>
        <source>reversed range %1..%2; &quot;from&quot; must not be above &quot;to&quot;</source>
        <translation>rango invertido %1..%2; &quot;from&quot; no debe ser mayor que &quot;to&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <extracomment>%1 is a domain as written in the config, %2 what is wrong with it.</extracomment>
        <translation>&apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid header name</source>
        <translation>&apos;%1&apos; no es un nombre de cabecera válido</translation>
    </message>
    <message>
        <source>invalid regular expression at offset %1: %2</source>
        <extracomment>%1 is a character position in the expression, %2 the expression engine&apos;s error.</extracomment>
        <translation>expresión regular no válida en la posición %1: %2</translation>
    </message>
    <message>
        <source>expected 0 (no limit) or a positive number</source>
        <translation>se esperaba 0 (sin límite) o un número positivo</translation>
    </message>
    <message>
        <source>a metrics route reveals route names, domains and traffic to anyone who can reach it; restrict it with security.ipAllowList</source>
        <translation>una ruta metrics revela nombres de rutas, dominios y tráfico a cualquiera que pueda alcanzarla; restrínjala con security.ipAllowList</translation>
    </message>
    <message>
        <source>missing; a certificate needs mode terminate or terminate-and-reencrypt</source>
        <translation>falta; un certificado necesita el modo terminate o terminate-and-reencrypt</translation>
    </message>
    <message>
        <source>passthrough forwards TLS untouched, so it needs action type &quot;forward&quot;</source>
        <translation>passthrough reenvía TLS sin tocarlo, así que necesita el tipo de acción &quot;forward&quot;</translation>
    </message>
    <message>
        <source>passthrough forwards TLS untouched and serves no certificate; remove it, or use mode terminate</source>
        <translation>passthrough reenvía TLS sin tocarlo y no presenta ningún certificado; quítelo o use el modo terminate</translation>
    </message>
    <message>
        <source>a path is inside TLS, which passthrough does not decrypt; remove it or use mode terminate</source>
        <translation>la ruta de la URL va dentro de TLS, que passthrough no descifra; quítela o use el modo terminate</translation>
    </message>
    <message>
        <source>headers are inside TLS, which passthrough does not decrypt; remove them or use mode terminate</source>
        <translation>las cabeceras van dentro de TLS, que passthrough no descifra; quítelas o use el modo terminate</translation>
    </message>
    <message>
        <source>terminate-and-reencrypt connects to targets, so it needs action type &quot;forward&quot;; use terminate</source>
        <translation>terminate-and-reencrypt se conecta a los destinos, así que necesita el tipo de acción &quot;forward&quot;; use terminate</translation>
    </message>
    <message>
        <source>missing; terminating TLS needs &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}</source>
        <translation>falta; terminar TLS necesita &quot;auto&quot; o {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs acme.email, the contact address for the ACME account</source>
        <translation>&quot;auto&quot; necesita acme.email, la dirección de contacto de la cuenta ACME</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs match.domains: the names to put in the certificate</source>
        <translation>&quot;auto&quot; necesita match.domains: los nombres que irán en el certificado</translation>
    </message>
    <message>
        <source>&quot;auto&quot; cannot cover a wildcard or &quot;*&quot; domain: that needs the dns-01 challenge, which Gatehouse does not offer; use a static certificate</source>
        <translation>&quot;auto&quot; no puede cubrir un dominio comodín o &quot;*&quot;: eso requiere el desafío dns-01, que Gatehouse no ofrece; use un certificado estático</translation>
    </message>
    <message>
        <source>missing; the path of the certificate chain (PEM)</source>
        <translation>falta; la ruta de la cadena de certificados (PEM)</translation>
    </message>
    <message>
        <source>missing; the path of the private key (PEM)</source>
        <translation>falta; la ruta de la clave privada (PEM)</translation>
    </message>
    <message>
        <source>a forward action needs at least one target</source>
        <translation>una acción forward necesita al menos un destino</translation>
    </message>
    <message>
        <source>expected a host name or address</source>
        <translation>se esperaba un nombre de host o una dirección</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or IP address</source>
        <translation>&apos;%1&apos; no es un nombre de host ni una dirección IP</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or IP address: %2</source>
        <translation>&apos;%1&apos; no es un nombre de host ni una dirección IP: %2</translation>
    </message>
    <message>
        <source>only used with tls mode terminate-and-reencrypt, which connects to targets over TLS</source>
        <translation>solo se usa con el modo TLS terminate-and-reencrypt, que se conecta a los destinos por TLS</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name</source>
        <translation>&apos;%1&apos; no es un nombre de host</translation>
    </message>
    <message>
        <source>missing; where to send the client, as in https://{host}{path}</source>
        <translation>falta; adónde enviar al cliente, como en https://{host}{path}</translation>
    </message>
    <message>
        <source>&apos;}&apos; at position %1 closes nothing</source>
        <translation>&apos;}&apos; en la posición %1 no cierra nada</translation>
    </message>
    <message>
        <source>&apos;{&apos; at position %1 is never closed</source>
        <translation>&apos;{&apos; en la posición %1 nunca se cierra</translation>
    </message>
    <message>
        <source>unknown placeholder {%1}; expected {host}, {path}, {query} or {port}</source>
        <translation>marcador desconocido {%1}; se esperaba {host}, {path}, {query} o {port}</translation>
    </message>
    <message>
        <source>%1 is not a redirect status; expected 301, 302, 303, 307 or 308</source>
        <translation>%1 no es un estado de redirección; se esperaba 301, 302, 303, 307 o 308</translation>
    </message>
    <message>
        <source>%1 is not a final HTTP status; expected 200..599</source>
        <translation>%1 no es un estado HTTP final; se esperaba 200..599</translation>
    </message>
    <message>
        <source>a header value cannot contain line breaks</source>
        <translation>un valor de cabecera no puede contener saltos de línea</translation>
    </message>
    <message>
        <source>%1 is set by Gatehouse from the body; remove it</source>
        <extracomment>%1 is a header name: Content-Length or Transfer-Encoding.</extracomment>
        <translation>%1 lo fija Gatehouse a partir del cuerpo; quítelo</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::Diagnostic</name>
    <message>
        <source>line %1, column %2</source>
        <translation>línea %1, columna %2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <extracomment>%1 is where in the config: a field such as routes[0].match.ports, or a line and column.</extracomment>
        <translation>error: %1: %2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <extracomment>%1 is where in the config: a field such as routes[0].match.ports, or a line and column.</extracomment>
        <translation>aviso: %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::ControlClient</name>
    <message>
        <source>disconnected from %1 before the answer</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>desconectado de %1 antes de la respuesta</translation>
    </message>
    <message>
        <source>the %1 request is %2 bytes, over the cap of %3</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply, %2 and %3 sizes in bytes.</extracomment>
        <translation>la petición %1 ocupa %2 bytes, por encima del límite de %3</translation>
    </message>
    <message>
        <source>not connected to the Gatehouse service</source>
        <translation>sin conexión con el servicio Gatehouse</translation>
    </message>
    <message>
        <source>no answer to %1 from %2 within %3 ms</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply, %2 the control socket&apos;s path, %3 milliseconds.</extracomment>
        <translation>sin respuesta a %1 de %2 en %3 ms</translation>
    </message>
    <message>
        <source>the Gatehouse service at %1 closed the connection</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>el servicio Gatehouse en %1 cerró la conexión</translation>
    </message>
    <message>
        <source>%1 did not accept the connection within %2 ms: the service may be overloaded or hung</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 milliseconds.</extracomment>
        <translation>%1 no aceptó la conexión en %2 ms: el servicio puede estar sobrecargado o bloqueado</translation>
    </message>
    <message>
        <source>the service at %1 sent a message over the cap of %2 bytes</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 a size in bytes.</extracomment>
        <translation>el servicio en %1 envió un mensaje por encima del límite de %2 bytes</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running: %1 does not exist. Start the service (systemctl start gatehoused, or run gatehoused), or pass --control with the path it uses</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows). The commands and --control stay as they are.</extracomment>
        <translation>el servicio Gatehouse no está en ejecución: %1 no existe. Inicie el servicio (systemctl start gatehoused, o ejecute gatehoused), o indique con --control la ruta que usa</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running: nothing answers on %1 (left over from a service that stopped). Start the service (systemctl start gatehoused, or run gatehoused)</source>
        <extracomment>%1 is the control socket&apos;s path. The commands stay as they are.</extracomment>
        <translation>el servicio Gatehouse no está en ejecución: nada responde en %1 (restos de un servicio que se detuvo). Inicie el servicio (systemctl start gatehoused, o ejecute gatehoused)</translation>
    </message>
    <message>
        <source>permission denied on the pipe %1: run this from an elevated (Administrator) prompt</source>
        <extracomment>%1 is a named pipe.</extracomment>
        <translation>permiso denegado en la tubería %1: ejecute esto desde un símbolo del sistema elevado (Administrador)</translation>
    </message>
    <message>
        <source>permission denied on %1: join the &apos;gatehouse&apos; group (sudo usermod -aG gatehouse $USER, then log in again) or run as root</source>
        <extracomment>%1 is the control socket&apos;s path. The group name and the command stay as they are.</extracomment>
        <translation>permiso denegado en %1: únase al grupo &apos;gatehouse&apos; (sudo usermod -aG gatehouse $USER, y vuelva a iniciar sesión) o trabaje como root</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>%1 no aceptó la conexión a tiempo</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 the system&apos;s reason.</extracomment>
        <translation>no se puede conectar a %1: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::ControlServer</name>
    <message>
        <source>cannot create the control socket&apos;s directory %1: check that its parent exists and this user may write there</source>
        <extracomment>%1 is a directory path.</extracomment>
        <translation>no se puede crear el directorio del socket de control %1: compruebe que su directorio padre existe y que este usuario puede escribir en él</translation>
    </message>
    <message>
        <source>%1 is not a directory; the control socket needs one there</source>
        <extracomment>%1 is a path.</extracomment>
        <translation>%1 no es un directorio; el socket de control necesita uno ahí</translation>
    </message>
    <message>
        <source>the control socket&apos;s directory %1 belongs to uid %2, neither this user nor root: refusing to listen where another user could replace the socket; remove it or choose another --control path</source>
        <extracomment>%1 is a directory path, %2 a numeric user id. --control is a command-line option.</extracomment>
        <translation>el directorio del socket de control %1 pertenece al uid %2, que no es este usuario ni root: no se escucha donde otro usuario podría sustituir el socket; elimínelo o elija otra ruta con --control</translation>
    </message>
    <message>
        <source>%1 exists and is not a socket: remove it or choose another --control path</source>
        <extracomment>%1 is a path. --control is a command-line option.</extracomment>
        <translation>%1 existe y no es un socket: elimínelo o elija otra ruta con --control</translation>
    </message>
    <message>
        <source>another control server (pid %1) is already listening on %2: is gatehoused already running? Stop it first, or give this one a different --control path</source>
        <extracomment>%1 is a process id, %2 the control socket&apos;s path. --control is a command-line option.</extracomment>
        <translation>otro servidor de control (pid %1) ya está escuchando en %2: ¿ya se está ejecutando gatehoused? Deténgalo primero o dé a este otra ruta con --control</translation>
    </message>
    <message>
        <source>another control server is already listening on %1: is gatehoused already running? Stop it first, or give this one a different --control path</source>
        <extracomment>%1 is the control socket&apos;s path. --control is a command-line option.</extracomment>
        <translation>otro servidor de control ya está escuchando en %1: ¿ya se está ejecutando gatehoused? Deténgalo primero o dé a este otra ruta con --control</translation>
    </message>
    <message>
        <source>cannot tell whether a server still listens on %1 (permission denied): remove it if no Gatehouse service is running</source>
        <extracomment>%1 is the control socket&apos;s path.</extracomment>
        <translation>no se puede saber si un servidor sigue escuchando en %1 (permiso denegado): elimínelo si no hay ningún servicio Gatehouse en ejecución</translation>
    </message>
    <message>
        <source>cannot remove the stale control socket %1: check the directory&apos;s permissions</source>
        <extracomment>%1 is the control socket&apos;s path.</extracomment>
        <translation>no se puede eliminar el socket de control obsoleto %1: compruebe los permisos del directorio</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 the system&apos;s reason.</extracomment>
        <translation>no se puede escuchar en %1: %2</translation>
    </message>
    <message>
        <source>permission denied: only Administrators (from an elevated prompt) and SYSTEM may use the Gatehouse control pipe</source>
        <translation>permiso denegado: solo los Administradores (desde un símbolo del sistema elevado) y SYSTEM pueden usar la tubería de control de Gatehouse</translation>
    </message>
    <message>
        <source>permission denied: %1 may not use the Gatehouse control socket. Only root, the service&apos;s own user and members of the &apos;%2&apos; group may: ask an administrator to run &apos;usermod -aG %2 %1&apos;, then log in again</source>
        <extracomment>%1 is a user name (or &quot;uid&quot; and a number), %2 a group name; &apos;usermod -aG %2 %1&apos; is a command, keep it as is.</extracomment>
        <translation>permiso denegado: %1 no puede usar el socket de control de Gatehouse. Solo pueden hacerlo root, el usuario propio del servicio y los miembros del grupo &apos;%2&apos;: pida a un administrador que ejecute &apos;usermod -aG %2 %1&apos; y vuelva a iniciar sesión</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::Message</name>
    <message>
        <source>a message must be a JSON object</source>
        <translation>un mensaje debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <extracomment>%1 is Qt&apos;s description of a JSON syntax error, %2 a byte offset in the message.</extracomment>
        <translation>%1 en la posición %2</translation>
    </message>
    <message>
        <source>batches are not supported; send one request per line</source>
        <translation>no se admiten lotes (batches); envíe una petición por línea</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string, a number or null</source>
        <extracomment>&quot;id&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;id&quot; debe ser una cadena, un número o null</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be &quot;2.0&quot;</source>
        <extracomment>&quot;jsonrpc&quot; is a JSON-RPC field name and &quot;2.0&quot; its value: keep both as they are.</extracomment>
        <translation>&quot;jsonrpc&quot; debe ser &quot;2.0&quot;</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a non-empty string</source>
        <extracomment>&quot;method&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;method&quot; debe ser una cadena no vacía</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object or an array</source>
        <extracomment>&quot;params&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;params&quot; debe ser un objeto o un array</translation>
    </message>
    <message>
        <source>neither a request (&quot;method&quot;) nor a response (&quot;id&quot; with &quot;result&quot; or &quot;error&quot;)</source>
        <extracomment>&quot;method&quot;, &quot;id&quot;, &quot;result&quot; and &quot;error&quot; are JSON-RPC field names: keep them as they are.</extracomment>
        <translation>ni una petición (&quot;method&quot;) ni una respuesta (&quot;id&quot; con &quot;result&quot; o &quot;error&quot;)</translation>
    </message>
    <message>
        <source>&quot;error&quot; must be an object with an integer &quot;code&quot; and a string &quot;message&quot;</source>
        <extracomment>&quot;error&quot;, &quot;code&quot; and &quot;message&quot; are JSON-RPC field names: keep them as they are.</extracomment>
        <translation>&quot;error&quot; debe ser un objeto con un entero &quot;code&quot; y una cadena &quot;message&quot;</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::Responder</name>
    <message>
        <source>the handler for %1 gave no answer</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply.</extracomment>
        <translation>el manejador de %1 no dio ninguna respuesta</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::RpcError</name>
    <message>
        <source>parse error: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;parse error&quot;; %1 says what is wrong with the message.</extracomment>
        <translation>error de análisis: %1</translation>
    </message>
    <message>
        <source>invalid request: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;invalid request&quot;; %1 says what is wrong with it.</extracomment>
        <translation>petición no válida: %1</translation>
    </message>
    <message>
        <source>method not found: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;method not found&quot;; %1 is the method&apos;s name as the client sent it.</extracomment>
        <translation>método no encontrado: %1</translation>
    </message>
    <message>
        <source>invalid params: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;invalid params&quot; (the request&apos;s parameters); %1 says what was expected or wrong.</extracomment>
        <translation>parámetros no válidos: %1</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;internal error&quot;; %1 says what went wrong.</extracomment>
        <translation>error interno: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::Ctl</name>
    <message>
        <source>gatehousectl: interrupted before the service answered</source>
        <translation>gatehousectl: interrumpido antes de que el servicio respondiera</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>error: cannot read it: %1</source>
        <translation>error: no se puede leer: %1</translation>
    </message>
    <message>
        <source>expected a JSON object with the config</source>
        <translation>se esperaba un objeto JSON con la configuración</translation>
    </message>
    <message>
        <source>%1 is not a JSON config object</source>
        <translation>%1 no es un objeto de configuración JSON</translation>
    </message>
    <message>
        <source>%1: not sent to the service</source>
        <translation>%1: no enviado al servicio</translation>
    </message>
    <message>
        <source>gatehousectl: the Gatehouse service at %1 did not answer %2 in time: it may be overloaded or hung (check &apos;systemctl status gatehoused&apos; or its log)</source>
        <translation>gatehousectl: el servicio Gatehouse en %1 no respondió a %2 a tiempo: puede estar sobrecargado o bloqueado (consulte &apos;systemctl status gatehoused&apos; o su registro)</translation>
    </message>
    <message>
        <source>gatehousectl: %1 failed: %2</source>
        <translation>gatehousectl: %1 falló: %2</translation>
    </message>
    <message>
        <source>nothing is listening on %1 (a socket left behind by a service that stopped)</source>
        <translation>nada escucha en %1 (un socket que dejó un servicio detenido)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time; the service may be overloaded or hung</source>
        <translation>%1 no aceptó la conexión a tiempo; el servicio puede estar sobrecargado o bloqueado</translation>
    </message>
    <message>
        <source>the service closed the connection on %1</source>
        <translation>el servicio cerró la conexión en %1</translation>
    </message>
    <message>
        <source>gatehousectl: cannot reach the Gatehouse service: %1.</source>
        <translation>gatehousectl: no se puede contactar con el servicio Gatehouse: %1.</translation>
    </message>
    <message>
        <source>Start it with &apos;systemctl start gatehoused&apos; (or run &apos;gatehoused&apos;), or pass --control with the socket it listens on.</source>
        <translation>Inícielo con &apos;systemctl start gatehoused&apos; (o ejecute &apos;gatehoused&apos;), o indique con --control el socket en el que escucha.</translation>
    </message>
    <message>
        <source>gatehousectl: permission denied on %1: only Administrators (from an elevated prompt) and SYSTEM may use the Gatehouse control pipe.</source>
        <translation>gatehousectl: permiso denegado en %1: solo los Administradores (desde un símbolo del sistema elevado) y SYSTEM pueden usar la tubería de control de Gatehouse.</translation>
    </message>
    <message>
        <source>gatehousectl: permission denied on %1: only root, the service&apos;s own user and members of the &apos;%2&apos; group may use the Gatehouse control socket.</source>
        <translation>gatehousectl: permiso denegado en %1: solo root, el usuario propio del servicio y los miembros del grupo &apos;%2&apos; pueden usar el socket de control de Gatehouse.</translation>
    </message>
    <message>
        <source>Join the &apos;%1&apos; group (sudo usermod -aG %1 $USER, then log in again) or run as root.</source>
        <translation>Únase al grupo &apos;%1&apos; (sudo usermod -aG %1 $USER, y vuelva a iniciar sesión) o trabaje como root.</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1: válida</translation>
    </message>
    <message>
        <source>%1: applied, revision %2 (%3 bound, %4 kept, %5 released, %6 failed)</source>
        <translation>%1: aplicada, revisión %2 (%3 enlazados, %4 conservados, %5 liberados, %6 fallidos)</translation>
    </message>
    <message>
        <source>%1: warning: not bound yet: %2; the service keeps retrying (see DETAIL above)</source>
        <translation>%1: aviso: aún sin enlazar: %2; el servicio sigue intentándolo (vea DETALLE arriba)</translation>
    </message>
    <message>
        <source>the running config is unchanged</source>
        <translation>la configuración en ejecución no ha cambiado</translation>
    </message>
    <message>
        <source>%1: error: revision conflict: the running config is at revision %2, not %3 (it changed since); nothing changed. Look at it again (&apos;gatehousectl routes&apos;) and apply with --base-revision %2.</source>
        <translation>%1: error: conflicto de revisión: la configuración en ejecución está en la revisión %2, no en la %3 (cambió entretanto); no se cambió nada. Revísela de nuevo (&apos;gatehousectl routes&apos;) y aplique con --base-revision %2.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>Ports (unchanged):</source>
        <translation>Puertos (sin cambios):</translation>
    </message>
    <message>
        <source>Renewal of the certificate for %1 started; follow it with &apos;gatehousectl events&apos;.</source>
        <translation>La renovación del certificado para %1 ha comenzado; sígala con &apos;gatehousectl events&apos;.</translation>
    </message>
    <message>
        <source>Reloaded: revision %1</source>
        <translation>Recargada: revisión %1</translation>
    </message>
    <message>
        <source>reload</source>
        <translation>recarga</translation>
    </message>
    <message>
        <source>reload: the config file is invalid; the running config is unchanged</source>
        <translation>recarga: el archivo de configuración no es válido; la configuración en ejecución no ha cambiado</translation>
    </message>
    <message>
        <source>Following events from %1; Ctrl+C to stop.</source>
        <translation>Siguiendo los eventos de %1; Ctrl+C para detener.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::CtlFormat</name>
    <message>
        <source>forward to %1</source>
        <translation>reenviar a %1</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>redirigir %1 a %2</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>responder %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>running, version %1</source>
        <translation>en ejecución, versión %1</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciado</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Rutas</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Escuchas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>No listeners: no enabled route wants a port.</source>
        <translation>Sin escuchas: ninguna ruta activa necesita un puerto.</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>LISTENER</source>
        <translation>ESCUCHA</translation>
    </message>
    <message>
        <source>ROUTES</source>
        <translation>RUTAS</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETALLE</translation>
    </message>
    <message>
        <source>; next retry %1</source>
        <translation>; próximo intento %1</translation>
    </message>
    <message>
        <source>in use by another process (the OS does not say which)</source>
        <translation>en uso por otro proceso (el sistema operativo no dice cuál)</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>en uso por %1</translation>
    </message>
    <message>
        <source>ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023</source>
        <translation>los puertos por debajo de 1024 requieren privilegios: ejecute gatehoused como root o dele CAP_NET_BIND_SERVICE (AmbientCapabilities= en su unidad), o use un puerto por encima de 1023</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>Revision %1, bind address %2</source>
        <translation>Revisión %1, dirección de enlace %2</translation>
    </message>
    <message>
        <source>all interfaces</source>
        <translation>todas las interfaces</translation>
    </message>
    <message>
        <source>No routes.</source>
        <translation>Sin rutas.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>PUERTOS</translation>
    </message>
    <message>
        <source>DOMAINS</source>
        <translation>DOMINIOS</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>RUTA</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACCIÓN</translation>
    </message>
    <message>
        <source>(disabled)</source>
        <translation>(desactivada)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s), last: %1</source>
        <translation>
            <numerusform>%n intento fallido, último: %1</numerusform>
            <numerusform>%n intentos fallidos, último: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(next attempt %1)</source>
        <translation>(próximo intento %1)</translation>
    </message>
    <message>
        <source>serial %1, %2</source>
        <translation>número de serie %1, %2</translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation>Sin certificados.</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>CADUCA</translation>
    </message>
    <message>
        <source>RENEWAL</source>
        <translation>RENOVACIÓN</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>revisión %1</translation>
    </message>
    <message>
        <source>(in use by %1)</source>
        <translation>(en uso por %1)</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 liberado</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>%1: 1 error, config rejected</source>
        <translation>%1: 1 error, configuración rechazada</translation>
    </message>
    <message>
        <source>%1: %2 errors, config rejected</source>
        <translation>%1: %2 errores, configuración rechazada</translation>
    </message>
    <message>
        <source>metrics (Prometheus)</source>
        <translation>métricas (Prometheus)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::CtlOptions</name>
    <message>
        <source>Show the service&apos;s version, revision and ports.</source>
        <translation>Mostrar la versión, la revisión y los puertos del servicio.</translation>
    </message>
    <message>
        <source>Ask the service whether FILE is a valid config; changes nothing.</source>
        <translation>Preguntar al servicio si FILE es una configuración válida; no cambia nada.</translation>
    </message>
    <message>
        <source>Make FILE the running config and show the resulting ports.</source>
        <translation>Convertir FILE en la configuración en ejecución y mostrar los puertos resultantes.</translation>
    </message>
    <message>
        <source>List the routes of the running config.</source>
        <translation>Listar las rutas de la configuración en ejecución.</translation>
    </message>
    <message>
        <source>List the listeners: conflicts with their holder first, then denied, waiting and bound.</source>
        <translation>Listar las escuchas: primero los conflictos con quien ocupa el puerto, luego las denegadas, en espera y enlazadas.</translation>
    </message>
    <message>
        <source>List the certificates.</source>
        <translation>Listar los certificados.</translation>
    </message>
    <message>
        <source>Renew the certificate for DOMAIN now.</source>
        <translation>Renovar ahora el certificado para DOMAIN.</translation>
    </message>
    <message>
        <source>Re-read the config file (as SIGHUP does); an invalid file changes nothing.</source>
        <translation>Volver a leer el archivo de configuración (como SIGHUP); un archivo no válido no cambia nada.</translation>
    </message>
    <message>
        <source>Follow the service&apos;s events until interrupted (Ctrl+C).</source>
        <translation>Seguir los eventos del servicio hasta interrumpir (Ctrl+C).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Órdenes:</translation>
    </message>
    <message>
        <source>apply takes --strict (every port binds, or nothing changes) and --base-revision N (refused when the running revision is no longer N).</source>
        <translation>apply admite --strict (cada puerto se enlaza, o no cambia nada) y --base-revision N (rechazado si la revisión en ejecución ya no es N).</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok; 1 invalid config, conflict or failed request; 2 the service cannot be reached; 3 permission denied; 64 wrong command line.</source>
        <translation>Códigos de salida: 0 ok; 1 configuración no válida, conflicto o petición fallida; 2 no se puede contactar con el servicio; 3 permiso denegado; 64 línea de órdenes incorrecta.</translation>
    </message>
    <message>
        <source>Run &apos;gatehousectl --help&apos; for the list of commands.</source>
        <translation>Ejecute &apos;gatehousectl --help&apos; para ver la lista de órdenes.</translation>
    </message>
    <message>
        <source>Command-line client of the Gatehouse service&apos;s control socket.</source>
        <translation>Cliente de línea de órdenes del socket de control del servicio Gatehouse.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Mostrar esta ayuda.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Mostrar la versión.</translation>
    </message>
    <message>
        <source>Control socket of the service (default: %1).</source>
        <translation>Socket de control del servicio (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Print the service&apos;s answer as JSON (the result, or the error object).</source>
        <translation>Imprimir la respuesta del servicio como JSON (el resultado o el objeto de error).</translation>
    </message>
    <message>
        <source>apply: all wanted ports must bind, or nothing changes.</source>
        <translation>apply: todos los puertos deseados deben enlazarse, o no cambia nada.</translation>
    </message>
    <message>
        <source>apply: only if the running config is still at revision N.</source>
        <translation>apply: solo si la configuración en ejecución sigue en la revisión N.</translation>
    </message>
    <message>
        <source>What to do; see Commands below.</source>
        <translation>Qué hacer; vea Órdenes más abajo.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>no se indicó ninguna orden</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>orden desconocida &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs %2: gatehousectl %1 %2</source>
        <translation>%1 necesita %2: gatehousectl %1 %2</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; after %2</source>
        <translation>argumento inesperado &apos;%1&apos; después de %2</translation>
    </message>
    <message>
        <source>--control needs a socket path</source>
        <translation>--control necesita la ruta de un socket</translation>
    </message>
    <message>
        <source>--strict only applies to the apply command</source>
        <translation>--strict solo se aplica a la orden apply</translation>
    </message>
    <message>
        <source>--base-revision only applies to the apply command</source>
        <translation>--base-revision solo se aplica a la orden apply</translation>
    </message>
    <message>
        <source>--base-revision needs a revision number (1 or more), not &apos;%1&apos;</source>
        <translation>--base-revision necesita un número de revisión (1 o más), no &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::ApplyController</name>
    <message>
        <source>Checking the config with the service…</source>
        <translation>El servicio está comprobando la configuración…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>The service could not check the config: %1</source>
        <translation>El servicio no pudo comprobar la configuración: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>Config rejected</source>
        <translation>Configuración rechazada</translation>
    </message>
    <message>
        <source>The service rejects this config; nothing was applied.</source>
        <translation>El servicio rechaza esta configuración; no se aplicó nada.</translation>
    </message>
    <message>
        <source>Not applied: the config has errors.</source>
        <translation>No aplicada: la configuración tiene errores.</translation>
    </message>
    <message>
        <source>Apply with warnings?</source>
        <translation>¿Aplicar con avisos?</translation>
    </message>
    <message>
        <source>The config is valid, but some routes overlap or can never be selected:</source>
        <translation>La configuración es válida, pero algunas rutas se solapan o nunca pueden seleccionarse:</translation>
    </message>
    <message>
        <source>Apply &amp;anyway</source>
        <translation>Aplicar &amp;de todos modos</translation>
    </message>
    <message>
        <source>Apply cancelled.</source>
        <translation>Aplicación cancelada.</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Revirtiendo…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Aplicando…</translation>
    </message>
    <message>
        <source>(in use by %1)</source>
        <translation>(en uso por %1)</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Solución: %1</translation>
    </message>
    <message>
        <source>Rolled back: revision %1 runs the previous config.</source>
        <translation>Revertido: la revisión %1 ejecuta la configuración anterior.</translation>
    </message>
    <message>
        <source>Applied: revision %1.</source>
        <translation>Aplicada: revisión %1.</translation>
    </message>
    <message>
        <source>1 port could not be bound</source>
        <translation>1 puerto no pudo enlazarse</translation>
    </message>
    <message>
        <source>%1 ports could not be bound</source>
        <translation>%1 puertos no pudieron enlazarse</translation>
    </message>
    <message>
        <source>Applied revision %1; %2.</source>
        <translation>Revisión %1 aplicada; %2.</translation>
    </message>
    <message>
        <source>Some ports could not be bound</source>
        <translation>Algunos puertos no pudieron enlazarse</translation>
    </message>
    <message>
        <source>Revision %1 is running, but %2. The service retries them until they are free; routes on them do not answer meanwhile.</source>
        <translation>La revisión %1 está en ejecución, pero %2. El servicio lo reintenta hasta que queden libres; mientras tanto las rutas en ellos no responden.</translation>
    </message>
    <message>
        <source>&amp;Keep it (retry in the background)</source>
        <translation>&amp;Conservarla (reintentar en segundo plano)</translation>
    </message>
    <message>
        <source>&amp;Roll back to revision %1 (all or nothing)</source>
        <translation>&amp;Revertir a la revisión %1 (todo o nada)</translation>
    </message>
    <message>
        <source>Not applied: the service&apos;s config changed meanwhile (revision %1).</source>
        <translation>No aplicada: la configuración del servicio cambió entretanto (revisión %1).</translation>
    </message>
    <message>
        <source>The config changed meanwhile</source>
        <translation>La configuración cambió entretanto</translation>
    </message>
    <message>
        <source>Someone else changed the service&apos;s config: it is at revision %1 now, and your edits started from revision %2. Nothing was applied.</source>
        <translation>Otra persona cambió la configuración del servicio: ahora está en la revisión %1, y sus cambios partían de la revisión %2. No se aplicó nada.</translation>
    </message>
    <message>
        <source>Reload the service&apos;s config and apply your changes on top of it?</source>
        <translation>¿Recargar la configuración del servicio y aplicar sus cambios encima?</translation>
    </message>
    <message>
        <source>&amp;Reload and re-apply my changes</source>
        <translation>&amp;Recargar y volver a aplicar mis cambios</translation>
    </message>
    <message>
        <source>Reload and &amp;discard my changes</source>
        <translation>Recargar y &amp;descartar mis cambios</translation>
    </message>
    <message>
        <source>Rollback failed: nothing changed.</source>
        <translation>La reversión falló: no cambió nada.</translation>
    </message>
    <message>
        <source>Not applied: nothing changed.</source>
        <translation>No aplicada: no cambió nada.</translation>
    </message>
    <message>
        <source>Ports could not be bound</source>
        <translation>No se pudieron enlazar puertos</translation>
    </message>
    <message>
        <source>The rollback needs ports that cannot be bound now, so nothing changed (all or nothing).</source>
        <translation>La reversión necesita puertos que ahora no pueden enlazarse, así que no cambió nada (todo o nada).</translation>
    </message>
    <message>
        <source>Some ports cannot be bound now, so nothing changed (all or nothing).</source>
        <translation>Algunos puertos no pueden enlazarse ahora, así que no cambió nada (todo o nada).</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>No aplicada: %1</translation>
    </message>
    <message>
        <source>Apply failed</source>
        <translation>La aplicación falló</translation>
    </message>
    <message>
        <source>The service did not apply the config: %1</source>
        <translation>El servicio no aplicó la configuración: %1</translation>
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
        <translation>%1 (intento %2)</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>próximo intento %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Dominios</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Next renewal</source>
        <translation>Próxima renovación</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Número de serie</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::CertificatesView</name>
    <message>
        <source>Re&amp;new now</source>
        <translation>Re&amp;novar ahora</translation>
    </message>
    <message>
        <source>Ask the service to renew the selected certificate now</source>
        <translation>Pedir al servicio que renueve ahora el certificado seleccionado</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::EventsModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::EventsView</name>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Filter events…</source>
        <translation>Filtrar eventos…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::MainWindow</name>
    <message>
        <source>Routes</source>
        <translation>Rutas</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Puertos</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add route…</source>
        <translation>&amp;Añadir ruta…</translation>
    </message>
    <message>
        <source>Add a route</source>
        <translation>Añadir una ruta</translation>
    </message>
    <message>
        <source>&amp;Edit route…</source>
        <translation>&amp;Editar ruta…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Edit the selected route</source>
        <translation>Editar la ruta seleccionada</translation>
    </message>
    <message>
        <source>D&amp;uplicate route</source>
        <translation>D&amp;uplicar ruta</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Copy the selected route</source>
        <translation>Copiar la ruta seleccionada</translation>
    </message>
    <message>
        <source>&amp;Delete route</source>
        <translation>E&amp;liminar ruta</translation>
    </message>
    <message>
        <source>Delete the selected route</source>
        <translation>Eliminar la ruta seleccionada</translation>
    </message>
    <message>
        <source>E&amp;nable or disable</source>
        <translation>Acti&amp;var o desactivar</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Switch the selected route on or off</source>
        <translation>Activar o desactivar la ruta seleccionada</translation>
    </message>
    <message>
        <source>&amp;Raise priority</source>
        <translation>&amp;Subir prioridad</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Raise the selected route&apos;s priority by one</source>
        <translation>Subir en uno la prioridad de la ruta seleccionada</translation>
    </message>
    <message>
        <source>&amp;Lower priority</source>
        <translation>&amp;Bajar prioridad</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Lower the selected route&apos;s priority by one</source>
        <translation>Bajar en uno la prioridad de la ruta seleccionada</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Check the local changes with the service and run them</source>
        <translation>Hacer que el servicio compruebe los cambios locales y ejecutarlos</translation>
    </message>
    <message>
        <source>Apply all or &amp;nothing</source>
        <translation>Aplicar todo o &amp;nada</translation>
    </message>
    <message>
        <source>Apply only if every port can be bound; otherwise change nothing</source>
        <translation>Aplicar solo si todos los puertos pueden enlazarse; si no, no cambiar nada</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Throw the local changes away and show what the service runs</source>
        <translation>Tirar los cambios locales y mostrar lo que ejecuta el servicio</translation>
    </message>
    <message>
        <source>Re&amp;load the service&apos;s config file</source>
        <translation>Re&amp;cargar el archivo de configuración del servicio</translation>
    </message>
    <message>
        <source>Make the service read its config file again</source>
        <translation>Hacer que el servicio vuelva a leer su archivo de configuración</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Re&amp;conectar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Connect to the service again now</source>
        <translation>Volver a conectar con el servicio ahora</translation>
    </message>
    <message>
        <source>&amp;Import config…</source>
        <translation>&amp;Importar configuración…</translation>
    </message>
    <message>
        <source>Load a config file as local changes</source>
        <translation>Cargar un archivo de configuración como cambios locales</translation>
    </message>
    <message>
        <source>E&amp;xport config…</source>
        <translation>E&amp;xportar configuración…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save the local config to a file</source>
        <translation>Guardar la configuración local en un archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close Gatehouse</source>
        <translation>Cerrar Gatehouse</translation>
    </message>
    <message>
        <source>&amp;Routes</source>
        <translation>&amp;Rutas</translation>
    </message>
    <message>
        <source>&amp;Ports</source>
        <translation>&amp;Puertos</translation>
    </message>
    <message>
        <source>&amp;Certificates</source>
        <translation>&amp;Certificados</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Eventos</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Servicio</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>&amp;Acerca de Gatehouse</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Acerca de Gatehouse</translation>
    </message>
    <message>
        <source>Gatehouse %1: a reverse proxy with automatic HTTPS.
This window manages the service at %2.</source>
        <translation>Gatehouse %1: un proxy inverso con HTTPS automático.
Esta ventana gestiona el servicio en %2.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Double-click a finding to edit its route</source>
        <translation>Haga doble clic en un hallazgo para editar su ruta</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>Cambios sin aplicar</translation>
    </message>
    <message>
        <source>Your changes to the routes are not applied. Quit and lose them?</source>
        <translation>Sus cambios en las rutas no se han aplicado. ¿Salir y perderlos?</translation>
    </message>
    <message>
        <source>Could not read the service&apos;s config: %1</source>
        <translation>No se pudo leer la configuración del servicio: %1</translation>
    </message>
    <message>
        <source>The service&apos;s config could not be read here: %1</source>
        <translation>La configuración del servicio no pudo leerse aquí: %1</translation>
    </message>
    <message>
        <source>The certificates could not be listed: %1</source>
        <translation>No se pudieron listar los certificados: %1</translation>
    </message>
    <message>
        <source>No certificates: no route terminates TLS with an automatic certificate (TLS tab: certificate Automatic).</source>
        <translation>Sin certificados: ninguna ruta termina TLS con un certificado automático (pestaña TLS: certificado Automático).</translation>
    </message>
    <message>
        <source>Asking the service to renew the certificate for %1…</source>
        <translation>Pidiendo al servicio que renueve el certificado para %1…</translation>
    </message>
    <message>
        <source>Renewal of the certificate for %1 started.</source>
        <translation>La renovación del certificado para %1 ha comenzado.</translation>
    </message>
    <message>
        <source>Renew now</source>
        <translation>Renovar ahora</translation>
    </message>
    <message>
        <source>The certificate for %1 could not be renewed: %2</source>
        <translation>No se pudo renovar el certificado para %1: %2</translation>
    </message>
    <message>
        <source>The service re-read its config file: revision %1.</source>
        <translation>El servicio volvió a leer su archivo de configuración: revisión %1.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>The service kept its running config: %1</source>
        <translation>El servicio mantuvo su configuración en ejecución: %1</translation>
    </message>
    <message>
        <source>The service&apos;s config changed to revision %1 since your edits started from revision %2 (another client applied a change). Apply offers to reload it and re-apply your changes on top.</source>
        <translation>La configuración del servicio pasó a la revisión %1 mientras sus cambios partían de la revisión %2 (otro cliente aplicó un cambio). Aplicar ofrece recargarla y volver a aplicar sus cambios encima.</translation>
    </message>
    <message>
        <source>Gatehouse — %1</source>
        <translation>Gatehouse — %1</translation>
    </message>
    <message>
        <source>revision %1, changes not applied</source>
        <translation>revisión %1, cambios sin aplicar</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>revisión %1</translation>
    </message>
    <message>
        <source>Fix the errors listed under the routes first</source>
        <translation>Corrija primero los errores listados bajo las rutas</translation>
    </message>
    <message>
        <source>Check the local changes with the service and run them (%1)</source>
        <translation>Hacer que el servicio compruebe los cambios locales y ejecutarlos (%1)</translation>
    </message>
    <message>
        <source>Disa&amp;ble route</source>
        <translation>Desacti&amp;var ruta</translation>
    </message>
    <message>
        <source>E&amp;nable route</source>
        <translation>Acti&amp;var ruta</translation>
    </message>
    <message>
        <source>Deleted route %1 (Discard changes brings it back until you apply).</source>
        <translation>Ruta %1 eliminada (Descartar cambios la recupera hasta que aplique).</translation>
    </message>
    <message>
        <source>Reloaded revision %1; with your changes on top the config has errors, so it was not applied.</source>
        <translation>Revisión %1 recargada; con sus cambios encima la configuración tiene errores, así que no se aplicó.</translation>
    </message>
    <message>
        <source>Import config</source>
        <translation>Importar configuración</translation>
    </message>
    <message>
        <source>Gatehouse config (*.json);;All files (*)</source>
        <translation>Configuración de Gatehouse (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export config</source>
        <translation>Exportar configuración</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>%1 was not imported:</source>
        <translation>%1 no se importó:</translation>
    </message>
    <message>
        <source>Imported %1: 1 route, not applied yet.</source>
        <translation>%1 importado: 1 ruta, aún sin aplicar.</translation>
    </message>
    <message>
        <source>Imported %1: %2 routes, not applied yet.</source>
        <translation>%1 importado: %2 rutas, aún sin aplicar.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Exported the config to %1.</source>
        <translation>Configuración exportada a %1.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::PortsModel</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Escucha</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Rutas</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::PortsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>No listeners: no enabled route wants a port.</source>
        <translation>Sin escuchas: ninguna ruta activa necesita un puerto.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Listeners: %1</source>
        <translation>Escuchas: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::RouteEditor</name>
    <message>
        <source>New route</source>
        <translation>Nueva ruta</translation>
    </message>
    <message>
        <source>Edit route %1</source>
        <translation>Editar la ruta %1</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Ruta</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Acción</translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation>&amp;TLS</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Seguridad</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Verify TLS</source>
        <translation>Verificar TLS</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Route is active</source>
        <translation>La ruta está activa</translation>
    </message>
    <message>
        <source>When several routes match a request, the higher priority wins</source>
        <translation>Cuando varias rutas coinciden con una petición, gana la de mayor prioridad</translation>
    </message>
    <message>
        <source>80, 443, 8000-8010</source>
        <translation>80, 443, 8000-8010</translation>
    </message>
    <message>
        <source>example.com, *.example.com (empty: any)</source>
        <translation>example.com, *.example.com (vacío: cualquiera)</translation>
    </message>
    <message>
        <source>/api/* (empty: any)</source>
        <translation>/api/* (vacío: cualquiera)</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 192.168.*.* (empty: any)</source>
        <translation>10.0.0.0/8, 192.168.*.* (vacío: cualquiera)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioridad:</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>P&amp;orts:</source>
        <translation>P&amp;uertos:</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Dominios:</translation>
    </message>
    <message>
        <source>Pat&amp;h:</source>
        <translation>Ru&amp;ta:</translation>
    </message>
    <message>
        <source>&amp;Client IPs:</source>
        <translation>IP de &amp;clientes:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>Ca&amp;beceras:</translation>
    </message>
    <message>
        <source>Forward to targets</source>
        <translation>Reenviar a destinos</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>Redirigir</translation>
    </message>
    <message>
        <source>Respond with a fixed answer</source>
        <translation>Responder con una respuesta fija</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Paquete de CA</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Nombre del servidor</translation>
    </message>
    <message>
        <source>Several hosts for one port: separate them with commas. Verify TLS, CA bundle and server name apply to terminate-and-reencrypt only.</source>
        <translation>Varios hosts para un puerto: sepárelos con comas. Verificar TLS, paquete de CA y nombre del servidor solo se aplican a terminate-and-reencrypt.</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Rotación</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>Menos conexiones</translation>
    </message>
    <message>
        <source>Client IP hash</source>
        <translation>Hash de la IP del cliente</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Versión 1 (texto)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Versión 2 (binario)</translation>
    </message>
    <message>
        <source>Tar&amp;gets:</source>
        <translation>&amp;Destinos:</translation>
    </message>
    <message>
        <source>skip a target after</source>
        <translation>omitir un destino tras</translation>
    </message>
    <message>
        <source>failures for</source>
        <translation>fallos durante</translation>
    </message>
    <message>
        <source>&amp;Load balancing:</source>
        <translation>&amp;Balanceo de carga:</translation>
    </message>
    <message>
        <source>Send PROXY &amp;protocol:</source>
        <translation>Enviar &amp;protocolo PROXY:</translation>
    </message>
    <message>
        <source>Placeholders: {host}, {path}, {query}, {port}</source>
        <translation>Marcadores: {host}, {path}, {query}, {port}</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;A:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Cuerpo:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <source>None (plain TCP or HTTP)</source>
        <translation>Ninguno (TCP o HTTP simple)</translation>
    </message>
    <message>
        <source>Passthrough (forward TLS untouched)</source>
        <translation>Paso directo (reenviar TLS sin tocar)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Terminate and re-encrypt to the targets</source>
        <translation>Terminar y volver a cifrar hacia los destinos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Automatic (ACME, Let&apos;s Encrypt)</source>
        <translation>Automático (ACME, Let&apos;s Encrypt)</translation>
    </message>
    <message>
        <source>Certificate and key files</source>
        <translation>Archivos de certificado y clave</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>C&amp;ertificate chain:</source>
        <translation>Cadena de c&amp;ertificados:</translation>
    </message>
    <message>
        <source>Certificate chain (PEM)</source>
        <translation>Cadena de certificados (PEM)</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Clave &amp;privada:</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>Clave privada (PEM)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certificado:</translation>
    </message>
    <message>
        <source>empty: everyone</source>
        <translation>vacío: todos</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
    <message>
        <source>&amp;Allow only:</source>
        <translation>&amp;Permitir solo:</translation>
    </message>
    <message>
        <source>&amp;Block:</source>
        <translation>&amp;Bloquear:</translation>
    </message>
    <message>
        <source>&amp;Max. connections:</source>
        <translation>Conexiones &amp;máx.:</translation>
    </message>
    <message>
        <source>The route as it appears in the config file; edits here show on the other tabs.</source>
        <translation>La ruta tal como aparece en el archivo de configuración; los cambios aquí se ven en las otras pestañas.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port (1..65535) or a range such as 8000-8010</source>
        <translation>&apos;%1&apos; no es un puerto (1..65535) ni un rango como 8000-8010</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number 1..65535</source>
        <translation>&apos;%1&apos; no es un número de puerto 1..65535</translation>
    </message>
    <message>
        <source>missing; the path of the certificate chain (PEM)</source>
        <translation>falta; la ruta de la cadena de certificados (PEM)</translation>
    </message>
    <message>
        <source>missing; the path of the private key (PEM)</source>
        <translation>falta; la ruta de la clave privada (PEM)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>Prometheus metrics</source>
        <translation>Métricas de Prometheus</translation>
    </message>
    <message>
        <source>Answers GET with the service&apos;s counters in the Prometheus text format. They name routes, domains and ports: restrict the route with an IP allow list on the Security tab.</source>
        <translation>Responde a GET con los contadores del servicio en el formato de texto de Prometheus. Nombran rutas, dominios y puertos: restrinja la ruta con una lista de IP permitidas en la pestaña Seguridad.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::RoutesModel</name>
    <message>
        <source>invalid: %1</source>
        <translation>no válida: %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>not applied yet</source>
        <translation>aún sin aplicar</translation>
    </message>
    <message>
        <source>port conflict: %1 in use by another process</source>
        <translation>conflicto de puerto: %1 en uso por otro proceso</translation>
    </message>
    <message>
        <source>port conflict: %1 held by %2 (pid %3)</source>
        <translation>conflicto de puerto: %1 ocupado por %2 (pid %3)</translation>
    </message>
    <message>
        <source>port %1 denied: needs privileges</source>
        <translation>puerto %1 denegado: requiere privilegios</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>esperando %1</translation>
    </message>
    <message>
        <source>certificate failed</source>
        <translation>certificado fallido</translation>
    </message>
    <message>
        <source>certificate failed: %1</source>
        <translation>certificado fallido: %1</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>certificado %1</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>en servicio</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Puertos</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Dominios</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::ServiceConnection</name>
    <message>
        <source>Connecting to the Gatehouse service at %1…</source>
        <translation>Conectando con el servicio Gatehouse en %1…</translation>
    </message>
    <message>
        <source>Connected to the Gatehouse service at %1.</source>
        <translation>Conectado con el servicio Gatehouse en %1.</translation>
    </message>
    <message>
        <source>Retrying in 1 second.</source>
        <translation>Nuevo intento en 1 segundo.</translation>
    </message>
    <message>
        <source>Retrying in %1 seconds.</source>
        <translation>Nuevo intento en %1 segundos.</translation>
    </message>
    <message>
        <source>Only Administrators and SYSTEM may manage Gatehouse: run the GUI as administrator.</source>
        <translation>Solo los Administradores y SYSTEM pueden gestionar Gatehouse: ejecute la interfaz como administrador.</translation>
    </message>
    <message>
        <source>Only root, the service&apos;s own user and members of the &apos;%1&apos; group may manage Gatehouse: join the group (sudo usermod -aG %1 $USER), then log out and in again.</source>
        <translation>Solo root, el usuario propio del servicio y los miembros del grupo &apos;%1&apos; pueden gestionar Gatehouse: únase al grupo (sudo usermod -aG %1 $USER) y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Not connected: permission denied on %1. %2 %3</source>
        <translation>Sin conexión: permiso denegado en %1. %2 %3</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running (nothing listens on %1)</source>
        <translation>el servicio Gatehouse no está en ejecución (nada escucha en %1)</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running (%1 does not exist)</source>
        <translation>el servicio Gatehouse no está en ejecución (%1 no existe)</translation>
    </message>
    <message>
        <source>the service at %1 did not answer in time</source>
        <translation>el servicio en %1 no respondió a tiempo</translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation>se perdió la conexión con %1</translation>
    </message>
    <message>
        <source>Not connected: %1. Start it with: %2. %3</source>
        <translation>Sin conexión: %1. Inícielo con: %2. %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::i18n</name>
    <message>
        <source>Language of messages: de, en, es or fr (default: $GATEHOUSE_LANG, else the system&apos;s).</source>
        <translation>Idioma de los mensajes: de, en, es o fr (predeterminado: $GATEHOUSE_LANG, si no el del sistema).</translation>
    </message>
</context>
<context>
    <name>gatehouse::net::PortManager</name>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>strict mode: nothing changed because %1</source>
        <translation>modo estricto: no se cambió nada porque %1</translation>
    </message>
    <message>
        <source>%1 is not bound yet</source>
        <translation>%1 aún no está enlazado</translation>
    </message>
    <message>
        <source>no ACME challenge port can be bound: %1</source>
        <translation>no se puede enlazar ningún puerto para desafíos ACME: %1</translation>
    </message>
    <message>
        <source>internal error: %1 (wanted by %2) overlaps this process&apos;s own listener %3 (used by %4); use one bind address for both</source>
        <translation>error interno: %1 (solicitado por %2) se solapa con el listener propio %3 de este proceso (usado por %4); use una sola dirección de enlace para ambos</translation>
    </message>
    <message>
        <source>internal error: %1 (wanted by %2) is held by this process outside the port manager (pid %3)</source>
        <translation>error interno: %1 (solicitado por %2) lo ocupa este proceso fuera del gestor de puertos (pid %3)</translation>
    </message>
    <message>
        <source>%1 is in use by %2; stop it or change the port of %3. Gatehouse binds it as soon as it is free</source>
        <translation>%1 está en uso por %2; deténgalo o cambie el puerto de %3. Gatehouse lo enlaza en cuanto quede libre</translation>
    </message>
    <message>
        <source>another process (the OS did not say which; running as root shows other users&apos; processes)</source>
        <translation>otro proceso (el sistema no dice cuál; ejecutando como root se ven los procesos de otros usuarios)</translation>
    </message>
    <message>
        <source>%1: access denied: Windows reserves this port (netsh interface ipv4 show excludedportrange protocol=tcp) or another program holds it exclusively; choose another port</source>
        <translation>%1: acceso denegado: Windows reserva este puerto (netsh interface ipv4 show excludedportrange protocol=tcp) u otro programa lo ocupa en exclusiva; elija otro puerto</translation>
    </message>
    <message>
        <source>%1: permission denied: port %2 is privileged and this process may not bind it. Run Gatehouse as its service (the unit grants CAP_NET_BIND_SERVICE), grant the capability (setcap cap_net_bind_service=+ep %3), or use a port &gt;= 1024</source>
        <translation>%1: permiso denegado: el puerto %2 es privilegiado y este proceso no puede enlazarlo. Ejecute Gatehouse como servicio (la unidad concede CAP_NET_BIND_SERVICE), conceda la capacidad (setcap cap_net_bind_service=+ep %3) o use un puerto &gt;= 1024</translation>
    </message>
    <message>
        <source>%1: address not available: %2 is not an address of this host; set bindAddress to one of its addresses (or 0.0.0.0), or bring the interface up. Retried until the address appears</source>
        <translation>%1: dirección no disponible: %2 no es una dirección de este equipo; ponga en bindAddress una de sus direcciones (o 0.0.0.0), o active la interfaz. Se reintenta hasta que aparezca la dirección</translation>
    </message>
    <message>
        <source>%1: %2; set bindAddress to a numeric address such as 0.0.0.0</source>
        <translation>%1: %2; ponga en bindAddress una dirección numérica como 0.0.0.0</translation>
    </message>
    <message>
        <source>%1: bind failed: %2 (error %3)</source>
        <translation>%1: falló el enlace: %2 (error %3)</translation>
    </message>
</context>
<context>
    <name>gatehouse::net::ProcessInfo</name>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>pid %1, %2</source>
        <translation>pid %1, %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::proxy::TlsContextStore</name>
    <message>
        <source>cipher or group list refused: %1</source>
        <extracomment>%1 is OpenSSL&apos;s error text</extracomment>
        <translation>lista de cifrados o de grupos rechazada: %1</translation>
    </message>
    <message>
        <source>cannot read certificate file %1: %2</source>
        <translation>no se puede leer el archivo de certificado %1: %2</translation>
    </message>
    <message>
        <source>cannot read key file %1: %2</source>
        <translation>no se puede leer el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>(in-memory certificate)</source>
        <extracomment>stands for a file name when the certificate was handed over in memory (ACME)</extracomment>
        <translation>(certificado en memoria)</translation>
    </message>
    <message>
        <source>(in-memory key)</source>
        <extracomment>stands for a file name when the private key was handed over in memory (ACME)</extracomment>
        <translation>(clave en memoria)</translation>
    </message>
    <message>
        <source>no PEM certificate in %1: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>no hay ningún certificado PEM en %1: %2</translation>
    </message>
    <message>
        <source>certificate %1 refused: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>certificado %1 rechazado: %2</translation>
    </message>
    <message>
        <source>chain certificate in %1 refused: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>certificado de la cadena en %1 rechazado: %2</translation>
    </message>
    <message>
        <source>no usable PEM private key in %1 (an encrypted key is not supported): %2</source>
        <extracomment>%1 is a key file (or &quot;(in-memory key)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>no hay ninguna clave privada PEM utilizable en %1 (no se admiten claves cifradas): %2</translation>
    </message>
    <message>
        <source>key %1 does not match certificate %2: %3</source>
        <extracomment>%1 is a key file, %2 a certificate file (either may be &quot;(in-memory ...)&quot;), %3 OpenSSL&apos;s error text</extracomment>
        <translation>la clave %1 no coincide con el certificado %2: %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::proxy::TlsError</name>
    <message>
        <source>no OpenSSL error reported</source>
        <translation>OpenSSL no informó de ningún error</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::DomainPattern</name>
    <message>
        <source>a domain name is at most %1 characters</source>
        <translation>un nombre de dominio tiene como máximo %1 caracteres</translation>
    </message>
    <message>
        <source>empty label (two dots in a row, or a dot at the start)</source>
        <translation>etiqueta vacía (dos puntos seguidos o un punto al principio)</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; is longer than %2 characters</source>
        <translation>la etiqueta &apos;%1&apos; tiene más de %2 caracteres</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; starts or ends with a hyphen</source>
        <translation>la etiqueta &apos;%1&apos; empieza o termina con un guion</translation>
    </message>
    <message>
        <source>a wildcard must be the whole leftmost label, as in *.example.com</source>
        <translation>un comodín debe ocupar toda la etiqueta de más a la izquierda, como en *.example.com</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; has &apos;%2&apos;; only letters, digits and hyphens are allowed</source>
        <extracomment>%1 is a label (a part between dots) of a domain name, %2 the character not allowed in it.</extracomment>
        <translation>la etiqueta &apos;%1&apos; contiene &apos;%2&apos;; solo se permiten letras, dígitos y guiones</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>dominio vacío</translation>
    </message>
    <message>
        <source>remove the trailing dot</source>
        <translation>quite el punto final</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid internationalized domain name</source>
        <translation>&apos;%1&apos; no es un nombre de dominio internacionalizado válido</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::IpPattern</name>
    <message>
        <source>&apos;%1&apos;: a glob has four octets, as in 192.168.*.*</source>
        <translation>&apos;%1&apos;: un patrón glob tiene cuatro octetos, como en 192.168.*.*</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a * must stand for whole trailing octets, as in 192.168.*.*</source>
        <translation>&apos;%1&apos;: un * debe sustituir octetos enteros al final, como en 192.168.*.*</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IPv4 glob</source>
        <translation>&apos;%1&apos; no es un patrón glob IPv4 válido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid CIDR (an address, &apos;/&apos;, and a prefix length up to 32 for IPv4 or 128 for IPv6)</source>
        <translation>&apos;%1&apos; no es un CIDR válido (una dirección, &apos;/&apos; y una longitud de prefijo de hasta 32 para IPv4 o 128 para IPv6)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address, CIDR or glob</source>
        <translation>&apos;%1&apos; no es una dirección IP, un CIDR ni un patrón glob</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::OverlapAnalysis</name>
    <message>
        <source>routes %1 and &apos;%2&apos; have the same match and the same priority: %1 wins by config order, so &apos;%2&apos; is never selected</source>
        <extracomment>%1 is the first route, as in &quot;&apos;web&apos; (routes[0])&quot;; %2 the name of the route it hides.</extracomment>
        <translation>las rutas %1 y &apos;%2&apos; tienen la misma coincidencia y la misma prioridad: %1 gana por el orden en la configuración, así que &apos;%2&apos; nunca se selecciona</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and has a higher priority (%3 over %4), so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;; %3 and %4 their priorities.</extracomment>
        <translation>la ruta &apos;%1&apos; queda oculta por la ruta %2, que coincide con todo lo que coincide &apos;%1&apos; y tiene mayor prioridad (%3 frente a %4), así que &apos;%1&apos; nunca se selecciona</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and is more specific at the same priority, so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;.</extracomment>
        <translation>la ruta &apos;%1&apos; queda oculta por la ruta %2, que coincide con todo lo que coincide &apos;%1&apos; y es más específica con la misma prioridad, así que &apos;%1&apos; nunca se selecciona</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and is as specific, at the same priority, and comes first, so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;.</extracomment>
        <translation>la ruta &apos;%1&apos; queda oculta por la ruta %2, que coincide con todo lo que coincide &apos;%1&apos;, es igual de específica con la misma prioridad y va primero, así que &apos;%1&apos; nunca se selecciona</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::PathPattern</name>
    <message>
        <source>a path starts with &apos;/&apos;, as in /api/*</source>
        <translation>una ruta de URL empieza por &apos;/&apos;, como en /api/*</translation>
    </message>
    <message>
        <source>a path has no spaces or control characters</source>
        <translation>una ruta de URL no contiene espacios ni caracteres de control</translation>
    </message>
    <message>
        <source>a path has no query or fragment (&apos;%1&apos;)</source>
        <extracomment>%1 is the character found: ? or #.</extracomment>
        <translation>una ruta de URL no contiene consulta ni fragmento (&apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>gatehouse::service::Service</name>
    <message>
        <source>the config is invalid: %1</source>
        <translation>la configuración no es válida: %1</translation>
    </message>
    <message>
        <source>expected %1</source>
        <extracomment>%1 is the JSON shape of a control method&apos;s parameters, such as {&quot;domain&quot;: NAME}.</extracomment>
        <translation>se esperaba %1</translation>
    </message>
    <message>
        <source>control socket: %1</source>
        <extracomment>What gatehoused prints when it cannot listen on its control socket; %1 says why.</extracomment>
        <translation>socket de control: %1</translation>
    </message>
    <message>
        <source>strict apply: nothing changed: %1</source>
        <extracomment>%1 says which ports could not be bound.</extracomment>
        <translation>aplicación estricta: no se cambió nada: %1</translation>
    </message>
</context>
<context>
    <name>gatehoused</name>
    <message>
        <source>%1: 1 error, config rejected</source>
        <translation>%1: 1 error, configuración rechazada</translation>
    </message>
    <message>
        <source>%1: %2 errors, config rejected</source>
        <translation>%1: %2 errores, configuración rechazada</translation>
    </message>
    <message>
        <source>%1: ok: %2 routes</source>
        <translation>%1: ok: %2 rutas</translation>
    </message>
    <message>
        <source> (%1 disabled)</source>
        <translation> (%1 desactivadas)</translation>
    </message>
    <message>
        <source>, no ports</source>
        <translation>, sin puertos</translation>
    </message>
    <message>
        <source>, ports %1 on %2</source>
        <translation>, puertos %1 en %2</translation>
    </message>
    <message>
        <source>, 1 warning</source>
        <translation>, 1 aviso</translation>
    </message>
    <message>
        <source>, %1 warnings</source>
        <translation>, %1 avisos</translation>
    </message>
    <message>
        <source>Gatehouse service: a reverse proxy with automatic HTTPS.</source>
        <translation>Servicio Gatehouse: un proxy inverso con HTTPS automático.</translation>
    </message>
    <message>
        <source>Config file (default: %1).</source>
        <translation>Archivo de configuración (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Validate the config file and exit: 0 when valid, 1 with the errors otherwise.</source>
        <translation>Validar el archivo de configuración y salir: 0 si es válido, 1 con los errores si no.</translation>
    </message>
    <message>
        <source>Directory for certificates and ACME state (default: %1).</source>
        <translation>Directorio de certificados y estado ACME (predeterminado: %1).</translation>
    </message>
    <message>
        <source>Control socket path (default: %1).</source>
        <translation>Ruta del socket de control (predeterminado: %1).</translation>
    </message>
    <message>
        <source>debug, info (default), warning or error; per area with QT_LOGGING_RULES, e.g. gatehouse.net.debug=true.</source>
        <translation>debug, info (predeterminado), warning o error; por área con QT_LOGGING_RULES, p. ej. gatehouse.net.debug=true.</translation>
    </message>
    <message>
        <source>gatehoused: unknown --log-level &apos;%1&apos;; expected debug, info, warning or error</source>
        <translation>gatehoused: --log-level &apos;%1&apos; desconocido; se esperaba debug, info, warning o error</translation>
    </message>
    <message>
        <source>gatehoused: %1 and %2 cannot be combined</source>
        <translation>gatehoused: %1 y %2 no pueden combinarse</translation>
    </message>
    <message>
        <source>Print the JSON Schema (draft 2020-12) of the config file and exit, for editors that complete and check config files.</source>
        <translation>Mostrar el esquema JSON (draft 2020-12) del archivo de configuración y salir, para los editores que completan y comprueban archivos de configuración.</translation>
    </message>
    <message>
        <source>%1: error: no such file</source>
        <translation>%1: error: no existe el archivo</translation>
    </message>
    <message>
        <source>Run under the Windows service control manager (the installed service&apos;s command line; not for a console).</source>
        <translation>Ejecutarse bajo el administrador de control de servicios de Windows (la línea de órdenes del servicio instalado; no para una consola).</translation>
    </message>
    <message>
        <source>Install the Windows service %1 (automatic start, account NT SERVICE\%1, restarted on failure) to run with the --config, --state-dir, --control and --log-level given here, and make the config and state directories private to it. Needs an elevated prompt.</source>
        <translation>Instalar el servicio de Windows %1 (inicio automático, cuenta NT SERVICE\%1, reiniciado si falla) para que se ejecute con los --config, --state-dir, --control y --log-level indicados aquí, y hacer que los directorios de configuración y de estado sean privados para él. Requiere un símbolo del sistema como administrador.</translation>
    </message>
    <message>
        <source>Stop and remove the Windows service %1; the config and state stay. Needs an elevated prompt.</source>
        <translation>Detener y eliminar el servicio de Windows %1; la configuración y el estado se conservan. Requiere un símbolo del sistema como administrador.</translation>
    </message>
    <message>
        <source>Windows services exist only on Windows; on Linux run gatehoused under systemd (Type=notify: it reports READY, reloads on SIGHUP and stops on SIGTERM)</source>
        <translation>Los servicios de Windows solo existen en Windows; en Linux ejecute gatehoused bajo systemd (Type=notify: informa READY, se recarga con SIGHUP y se detiene con SIGTERM)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Gatehouse: manage the reverse proxy&apos;s routes, ports and certificates.</source>
        <translation>Gatehouse: gestionar las rutas, puertos y certificados del proxy inverso.</translation>
    </message>
    <message>
        <source>The service&apos;s control socket (default: %1).</source>
        <translation>El socket de control del servicio (predeterminado: %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>RUTA</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
</context>
</TS>
