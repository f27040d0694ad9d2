<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>GuiText</name>
    <message>
        <source>ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023</source>
        <translation>les ports sous 1024 exigent des privilèges : lancez gatehoused en root ou donnez-lui CAP_NET_BIND_SERVICE (AmbientCapabilities= dans son unité), ou utilisez un port au-dessus de 1023</translation>
    </message>
    <message>
        <source>; next retry %1 (%2)</source>
        <translation> ; prochain essai %1 (%2)</translation>
    </message>
    <message>
        <source>in use by another process (the system does not say which)</source>
        <translation>utilisé par un autre processus (le système ne dit pas lequel)</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>utilisé par %1</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>à l&apos;écoute</translation>
    </message>
    <message>
        <source>listening since %1</source>
        <translation>à l&apos;écoute depuis %1</translation>
    </message>
    <message>
        <source>waiting to bind</source>
        <translation>en attente de liaison</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 seconde</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 secondes</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>transférer</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>rediriger %1 vers %2</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>répondre %1</translation>
    </message>
    <message>
        <source>%1 (automatic certificate)</source>
        <translation>%1 (certificat automatique)</translation>
    </message>
    <message>
        <source>%1 (certificate files)</source>
        <translation>%1 (fichiers de certificat)</translation>
    </message>
    <message>
        <source>config applied: revision %1</source>
        <translation>configuration appliquée : révision %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2 : %3</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 libéré</translation>
    </message>
    <message>
        <source>certificate for %1: %2</source>
        <translation>certificat pour %1 : %2</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>métriques</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>issuing</source>
        <translation>en cours d’émission</translation>
    </message>
    <message>
        <source>renewing</source>
        <translation>en cours de renouvellement</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
</context>
<context>
    <name>RouteJson</name>
    <message>
        <source>expected one route: a JSON object with name, match and action</source>
        <translation>une route attendue : un objet JSON avec name, match et action</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeClient</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>acme.caBundle &quot;%1&quot;: no PEM certificate could be read from it (missing, unreadable or not PEM)</source>
        <translation>acme.caBundle &quot;%1&quot; : aucun certificat PEM n&apos;a pu y être lu (absent, illisible ou pas au format PEM)</translation>
    </message>
    <message>
        <source>the ACME directory %1 offers no renewalInfo (RFC 9773)</source>
        <translation>l&apos;annuaire ACME %1 ne propose pas renewalInfo (RFC 9773)</translation>
    </message>
    <message>
        <source>renewalInfo: &quot;%1&quot; is not an ARI certificate id (base64url(AKI) &quot;.&quot; base64url(serial))</source>
        <translation>renewalInfo : &quot;%1&quot; n&apos;est pas un identifiant de certificat ARI (base64url(AKI) &quot;.&quot; base64url(serial))</translation>
    </message>
    <message>
        <source>%1: no valid suggestedWindow (RFC 9773 4.2) in &quot;%2&quot;</source>
        <translation>%1 : pas de suggestedWindow valide (RFC 9773 4.2) dans &quot;%2&quot;</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>pas de réponse en %1 ms</translation>
    </message>
    <message>
        <source>%1 gave no Replay-Nonce header</source>
        <translation>%1 n&apos;a pas fourni d&apos;en-tête Replay-Nonce</translation>
    </message>
    <message>
        <source>%1 is not an ACME directory (no %2)</source>
        <translation>%1 n&apos;est pas un annuaire ACME (pas de %2)</translation>
    </message>
    <message>
        <source>%1 created no account (no Location header)</source>
        <translation>%1 n&apos;a pas créé de compte (pas d&apos;en-tête Location)</translation>
    </message>
    <message>
        <source>account %1 is &quot;%2&quot;, not valid</source>
        <translation>le compte %1 est &quot;%2&quot;, pas valide</translation>
    </message>
    <message>
        <source>no directory for the ACME account key</source>
        <translation>aucun répertoire pour la clé du compte ACME</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 (move it away to register a new account)</source>
        <translation>%1 : %2 (déplacez-le pour enregistrer un nouveau compte)</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>impossible de créer le répertoire %1</translation>
    </message>
    <message>
        <source>account key: %1</source>
        <translation>clé du compte : %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeOrder</name>
    <message>
        <source>%1 is &quot;%2&quot; without an error</source>
        <translation>%1 est &quot;%2&quot; sans erreur indiquée</translation>
    </message>
    <message>
        <source>order for %1 not finished within %2 s (last step: %3)</source>
        <extracomment>%1 lists domain names, %2 is a number of seconds, %3 the step name as the status shows it (ordering, finalizing, ...)</extracomment>
        <translation>commande pour %1 non terminée en %2 s (dernière étape : %3)</translation>
    </message>
    <message>
        <source>an order needs at least one domain</source>
        <translation>une commande exige au moins un domaine</translation>
    </message>
    <message>
        <source>domains[%1] is empty</source>
        <translation>domains[%1] est vide</translation>
    </message>
    <message>
        <source>an order needs a challenge responder</source>
        <translation>une commande exige un répondeur de challenge</translation>
    </message>
    <message>
        <source>%1 answered an order without Location, finalize or authorizations</source>
        <translation>%1 a répondu par une commande sans Location, finalize ou authorizations</translation>
    </message>
    <message>
        <source>order %1</source>
        <extracomment>%1 is the order URL at the CA</extracomment>
        <translation>commande %1</translation>
    </message>
    <message>
        <source>%1 (not supported by Gatehouse)</source>
        <translation>%1 (non pris en charge par Gatehouse)</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1 (non proposé)</translation>
    </message>
    <message>
        <source>%1 (the challenge port is not bound)</source>
        <translation>%1 (le port du challenge n&apos;est pas lié)</translation>
    </message>
    <message>
        <source>%1: no challenge can be answered; the CA offers %2; tried %3</source>
        <extracomment>%1 is a domain name, %2 the challenge types the CA offers, %3 the types tried, each with its reason</extracomment>
        <translation>%1 : aucun challenge ne peut recevoir de réponse ; la CA propose %2 ; essayé : %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>%1: %2 challenge without a url or a base64url token</source>
        <translation>%1 : challenge %2 sans url ni jeton base64url</translation>
    </message>
    <message>
        <source>order %1 is valid without a certificate URL</source>
        <translation>la commande %1 est valide sans URL de certificat</translation>
    </message>
    <message>
        <source>certificate key: %1</source>
        <translation>clé du certificat : %1</translation>
    </message>
    <message>
        <source>%1 answered &quot;%2&quot; instead of a PEM certificate chain</source>
        <translation>%1 a répondu &quot;%2&quot; au lieu d&apos;une chaîne de certificats PEM</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::AcmeProblem</name>
    <message>
        <source>error</source>
        <extracomment>stands for a problem type the CA left out (otherwise e.g. &quot;rateLimited&quot;)</extracomment>
        <translation>erreur</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>(aucun détail)</translation>
    </message>
    <message>
        <source>retry after %1 s</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation>nouvel essai après %1 s</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a problem document</source>
        <extracomment>%1 is a URL, %2 an HTTP status code; a problem document is the CA&apos;s JSON error answer (RFC 7807)</extracomment>
        <translation>%1 a répondu HTTP %2 sans document de problème</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a problem document: &quot;%3&quot;</source>
        <extracomment>%1 is a URL, %2 an HTTP status code, %3 the start of the answer&apos;s body</extracomment>
        <translation>%1 a répondu HTTP %2 sans document de problème : &quot;%3&quot;</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertManager</name>
    <message>
        <source>the CA&apos;s certificate does not parse: %1</source>
        <translation>le certificat de la CA ne peut pas être analysé : %1</translation>
    </message>
    <message>
        <source>the new certificate does not load: %1</source>
        <translation>le nouveau certificat ne se charge pas : %1</translation>
    </message>
    <message>
        <source>%1 attempts for %2 in the last hour already; the next is possible at %3</source>
        <extracomment>%1 is a number of attempts, %2 a domain name, %3 an ISO 8601 UTC time</extracomment>
        <translation>déjà %1 tentatives pour %2 au cours de la dernière heure ; la suivante est possible à %3</translation>
    </message>
    <message>
        <source>no route has an automatic certificate for &apos;%1&apos;</source>
        <translation>aucune route n&apos;a de certificat automatique pour &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: the stored certificate does not load: %2</source>
        <extracomment>%1 is a list of domains, %2 why the certificate cannot be used</extracomment>
        <translation>%1 : le certificat enregistré ne se charge pas : %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1: no %2 (an interrupted first write?)</source>
        <extracomment>%1 is a directory, %2 the file name meta.json</extracomment>
        <translation>%1 : pas de %2 (première écriture interrompue ?)</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3)</source>
        <extracomment>%1 is a file, %2 what is wrong with it (the JSON parser&apos;s error, or &quot;wrong type&quot;), %3 a byte offset</extracomment>
        <translation>%1 : pas un objet JSON (%2 à la position %3)</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>mauvais type</translation>
    </message>
    <message>
        <source>%1: &quot;domains&quot; is missing or empty</source>
        <translation>%1 : &quot;domains&quot; est absent ou vide</translation>
    </message>
    <message>
        <source>%1: the domains %2 belong in %3, not here</source>
        <extracomment>%1 is the meta.json file, %2 a list of domains, %3 the name of the directory they belong in</extracomment>
        <translation>%1 : les domaines %2 ont leur place dans %3, pas ici</translation>
    </message>
    <message>
        <source>%1 does not match %2 (a write was interrupted, or the file was changed by hand)</source>
        <extracomment>%1 is a certificate or key file, %2 the file name meta.json that records its checksum</extracomment>
        <translation>%1 ne correspond pas à %2 (une écriture a été interrompue, ou le fichier a été modifié à la main)</translation>
    </message>
    <message>
        <source>no domains given</source>
        <translation>aucun domaine indiqué</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::CertificateInfo</name>
    <message>
        <source>the certificate chain is empty</source>
        <translation>la chaîne de certificats est vide</translation>
    </message>
    <message>
        <source>no PEM certificate at the start of the chain: %1</source>
        <extracomment>%1 is OpenSSL&apos;s error text</extracomment>
        <translation>aucun certificat PEM au début de la chaîne : %1</translation>
    </message>
    <message>
        <source>the certificate&apos;s validity dates cannot be read</source>
        <translation>les dates de validité du certificat sont illisibles</translation>
    </message>
    <message>
        <source>the certificate&apos;s serial number cannot be read</source>
        <translation>le numéro de série du certificat est illisible</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::Csr</name>
    <message>
        <source>CSR: no key</source>
        <translation>CSR : aucune clé</translation>
    </message>
    <message>
        <source>CSR: no domains</source>
        <translation>CSR : aucun domaine</translation>
    </message>
    <message>
        <source>CSR: domains[%1] &quot;%2&quot; is not an ASCII host name (empty, spaces or non-ASCII characters; use the punycode form)</source>
        <translation>CSR : domains[%1] &quot;%2&quot; n&apos;est pas un nom d&apos;hôte ASCII (vide, espaces ou caractères non ASCII ; utilisez la forme punycode)</translation>
    </message>
    <message>
        <source>CSR: %1</source>
        <translation>CSR : %1</translation>
    </message>
    <message>
        <source>CSR: common name: %1</source>
        <translation>CSR : nom commun : %1</translation>
    </message>
    <message>
        <source>CSR: subjectAltName: %1</source>
        <translation>CSR : subjectAltName : %1</translation>
    </message>
    <message>
        <source>CSR: signing: %1</source>
        <translation>CSR : signature : %1</translation>
    </message>
    <message>
        <source>CSR: encoding: %1</source>
        <translation>CSR : encodage : %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::Jws</name>
    <message>
        <source>JWS for %1: no account key</source>
        <translation>JWS pour %1 : aucune clé de compte</translation>
    </message>
    <message>
        <source>JWS for %1: %2</source>
        <extracomment>%1 is a URL, %2 why signing failed</extracomment>
        <translation>JWS pour %1 : %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::acme::PrivateKey</name>
    <message>
        <source>no OpenSSL error detail</source>
        <translation>OpenSSL ne donne aucun détail sur l&apos;erreur</translation>
    </message>
    <message>
        <source>cannot set up key generation: %1</source>
        <translation>impossible de préparer la génération de clé : %1</translation>
    </message>
    <message>
        <source>cannot generate a key: %1</source>
        <translation>impossible de générer une clé : %1</translation>
    </message>
    <message>
        <source>not a PEM private key: %1</source>
        <translation>pas une clé privée PEM : %1</translation>
    </message>
    <message>
        <source>EC key on curve %1; only P-256 is supported</source>
        <translation>clé EC sur la courbe %1 ; seule P-256 est prise en charge</translation>
    </message>
    <message>
        <source>RSA key of %1 bits; at least 2048 are needed</source>
        <translation>clé RSA de %1 bits ; il en faut au moins 2048</translation>
    </message>
    <message>
        <source>key type %1 is not supported (EC P-256 or RSA)</source>
        <translation>le type de clé %1 n&apos;est pas pris en charge (EC P-256 ou RSA)</translation>
    </message>
    <message>
        <source>no key to sign with</source>
        <translation>aucune clé pour signer</translation>
    </message>
    <message>
        <source>cannot sign: %1</source>
        <translation>impossible de signer : %1</translation>
    </message>
    <message>
        <source>cannot decode the ECDSA signature: %1</source>
        <translation>impossible de décoder la signature ECDSA : %1</translation>
    </message>
    <message>
        <source>ECDSA signature out of range</source>
        <translation>signature ECDSA hors limites</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigLoader</name>
    <message>
        <source>cannot read %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason.</extracomment>
        <translation>impossible de lire %1 : %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigReader</name>
    <message>
        <source>a boolean</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a number</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a string</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>a list</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>une liste</translation>
    </message>
    <message>
        <source>an object</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>un objet</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>A kind of JSON value, as in &quot;expected a string, found a number&quot;.</extracomment>
        <translation>rien</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>attendu : un objet, trouvé : %1</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <extracomment>%1 is a field name the config does not know, %2 a known field spelled alike.</extracomment>
        <translation>champ inconnu &apos;%1&apos; ; vouliez-vous dire &apos;%2&apos; ?</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; expected one of: %2</source>
        <extracomment>%1 is a field name the config does not know, %2 the known field names.</extracomment>
        <translation>champ inconnu &apos;%1&apos; ; attendu : l&apos;un des champs %2</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>attendu : une chaîne, trouvé : %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>attendu : true ou false, trouvé : %1</translation>
    </message>
    <message>
        <source>an integer</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un entier</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <extracomment>%1 is what the field takes (&quot;an integer&quot;, &quot;a port number 1..65535&quot;, ...), %2 the number or the kind of value found (&quot;a string&quot;, ...).</extracomment>
        <translation>attendu : %1, trouvé : %2</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3</source>
        <extracomment>%1 is the number found; %2..%3 the range allowed.</extracomment>
        <translation>%1 est hors de l&apos;intervalle %2..%3</translation>
    </message>
    <message>
        <source>unknown value &apos;%1&apos;; expected %2</source>
        <extracomment>%1 is the value found, %2 the values allowed (config words, not translated).</extracomment>
        <translation>valeur inconnue &apos;%1&apos; ; attendu : %2</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un nombre de secondes</translation>
    </message>
    <message>
        <source>a port number 1..65535</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un numéro de port 1..65535</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>attendu : une liste de chaînes, trouvé : %1</translation>
    </message>
    <message>
        <source>expected a port, a list of ports, or a list with {&quot;from&quot;, &quot;to&quot;} ranges, found %1</source>
        <translation>attendu : un port, une liste de ports ou une liste de plages {&quot;from&quot;, &quot;to&quot;}, trouvé : %1</translation>
    </message>
    <message>
        <source>expected at least one port</source>
        <translation>au moins un port attendu</translation>
    </message>
    <message>
        <source>missing; a range needs &quot;from&quot; and &quot;to&quot;</source>
        <translation>manquant ; une plage a besoin de &quot;from&quot; et de &quot;to&quot;</translation>
    </message>
    <message>
        <source>missing; every route listens on at least one port</source>
        <translation>manquant ; chaque route écoute sur au moins un port</translation>
    </message>
    <message>
        <source>expected an object of header name to value or {&quot;regex&quot;: ...}, found %1</source>
        <translation>attendu : un objet associant à chaque nom d&apos;en-tête une valeur ou {&quot;regex&quot;: ...}, trouvé : %1</translation>
    </message>
    <message>
        <source>missing; expected {&quot;regex&quot;: PATTERN}</source>
        <translation>manquant ; attendu : {&quot;regex&quot;: PATTERN}</translation>
    </message>
    <message>
        <source>expected a string or {&quot;regex&quot;: PATTERN}, found %1</source>
        <translation>attendu : une chaîne ou {&quot;regex&quot;: PATTERN}, trouvé : %1</translation>
    </message>
    <message>
        <source>expected a list of {&quot;host&quot;, &quot;port&quot;} targets, found %1</source>
        <translation>attendu : une liste de cibles {&quot;host&quot;, &quot;port&quot;}, trouvé : %1</translation>
    </message>
    <message>
        <source>expected a host name or a list of them, found %1</source>
        <translation>attendu : un nom d&apos;hôte ou une liste de noms d&apos;hôte, trouvé : %1</translation>
    </message>
    <message>
        <source>missing; a target needs a host</source>
        <translation>manquant ; une cible a besoin d&apos;un hôte</translation>
    </message>
    <message>
        <source>missing; a target needs a port</source>
        <translation>manquant ; une cible a besoin d&apos;un port</translation>
    </message>
    <message>
        <source>missing; expected passthrough, terminate or terminate-and-reencrypt</source>
        <translation>manquant ; attendu : passthrough, terminate ou terminate-and-reencrypt</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, found &quot;%1&quot;</source>
        <translation>attendu : &quot;auto&quot; ou {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, trouvé : &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing; a static certificate needs &quot;cert&quot; and &quot;key&quot; file paths</source>
        <translation>manquant ; un certificat statique a besoin des chemins de fichier &quot;cert&quot; et &quot;key&quot;</translation>
    </message>
    <message>
        <source>expected &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, found %1</source>
        <translation>attendu : &quot;auto&quot; ou {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}, trouvé : %1</translation>
    </message>
    <message>
        <source>missing; expected forward, redirect, respond or metrics</source>
        <translation>manquant ; attendu : forward, redirect, respond ou metrics</translation>
    </message>
    <message>
        <source>unknown action type &apos;%1&apos;; expected forward, redirect, respond or metrics</source>
        <translation>type d&apos;action inconnu &apos;%1&apos; ; attendu : forward, redirect, respond ou metrics</translation>
    </message>
    <message>
        <source>only for type &quot;%1&quot;; this action is &quot;%2&quot;</source>
        <extracomment>%1 is the action type the field belongs to, %2 the type of this action (forward, redirect, respond, metrics).</extracomment>
        <translation>seulement pour le type &quot;%1&quot; ; cette action est &quot;%2&quot;</translation>
    </message>
    <message>
        <source>an HTTP status code</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un code de statut HTTP</translation>
    </message>
    <message>
        <source>expected an object of header name to value, found %1</source>
        <translation>attendu : un objet associant à chaque nom d&apos;en-tête une valeur, trouvé : %1</translation>
    </message>
    <message>
        <source>missing; a forward action needs at least one target</source>
        <translation>manquant ; une action forward a besoin d&apos;au moins une cible</translation>
    </message>
    <message>
        <source>missing; a redirect action needs {&quot;to&quot;: &quot;https://{host}{path}&quot;}</source>
        <translation>manquant ; une action redirect a besoin de {&quot;to&quot;: &quot;https://{host}{path}&quot;}</translation>
    </message>
    <message>
        <source>a number of connections (0 for no limit)</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un nombre de connexions (0 pour aucune limite)</translation>
    </message>
    <message>
        <source>missing; every route has a unique name</source>
        <translation>manquant ; chaque route a un nom unique</translation>
    </message>
    <message>
        <source>missing; a route needs at least {&quot;ports&quot;: ...}</source>
        <translation>manquant ; une route a besoin au moins de {&quot;ports&quot;: ...}</translation>
    </message>
    <message>
        <source>missing; expected {&quot;type&quot;: &quot;forward&quot; | &quot;redirect&quot; | &quot;respond&quot;, ...}</source>
        <translation>manquant ; attendu : {&quot;type&quot;: &quot;forward&quot; | &quot;redirect&quot; | &quot;respond&quot;, ...}</translation>
    </message>
    <message>
        <source>expected a list of ports, found %1</source>
        <translation>attendu : une liste de ports, trouvé : %1</translation>
    </message>
    <message>
        <source>a number of worker threads (0: one per CPU core)</source>
        <extracomment>What a number field takes, as in &quot;expected an integer, found 1.5&quot;.</extracomment>
        <translation>un nombre de threads de travail (0 : un par cœur de processeur)</translation>
    </message>
    <message>
        <source>expected a list of routes, found %1</source>
        <translation>attendu : une liste de routes, trouvé : %1</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <extracomment>%1 is the JSON parser&apos;s description of the error.</extracomment>
        <translation>JSON mal formé : %1</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;routes&quot; at the top level</source>
        <translation>attendu : un objet JSON avec &quot;routes&quot; au premier niveau</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason.</extracomment>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>the config changed since revision %1; the running revision is %2: reload it and apply your change again</source>
        <translation>la configuration a changé depuis la révision %1 ; la révision en cours est %2 : rechargez-la et appliquez de nouveau votre modification</translation>
    </message>
    <message>
        <source>cannot create the directory of %1</source>
        <translation>impossible de créer le répertoire de %1</translation>
    </message>
    <message>
        <source>cannot read %1 to keep it as a backup: %2</source>
        <extracomment>%1 is the config file&apos;s path, %2 the system&apos;s reason.</extracomment>
        <translation>impossible de lire %1 pour en garder une copie de sauvegarde : %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::ConfigValidator</name>
    <message>
        <source>a route needs a name</source>
        <translation>une route a besoin d&apos;un nom</translation>
    </message>
    <message>
        <source>duplicate route name &apos;%1&apos; (also routes[%2]); names must be unique</source>
        <extracomment>%2 is the other route&apos;s index: routes[%2] is its place in the config file.</extracomment>
        <translation>nom de route en double &apos;%1&apos; (aussi routes[%2]) ; les noms doivent être uniques</translation>
    </message>
    <message>
        <source>CA bundle file &apos;%1&apos; does not exist</source>
        <translation>le fichier de bundle CA &apos;%1&apos; n&apos;existe pas</translation>
    </message>
    <message>
        <source>certificate file &apos;%1&apos; does not exist</source>
        <translation>le fichier de certificat &apos;%1&apos; n&apos;existe pas</translation>
    </message>
    <message>
        <source>key file &apos;%1&apos; does not exist</source>
        <translation>le fichier de clé &apos;%1&apos; n&apos;existe pas</translation>
    </message>
    <message>
        <source>CA bundle file &apos;%1&apos; is not a readable file</source>
        <translation>le fichier de bundle CA &apos;%1&apos; n&apos;est pas un fichier lisible</translation>
    </message>
    <message>
        <source>certificate file &apos;%1&apos; is not a readable file</source>
        <translation>le fichier de certificat &apos;%1&apos; n&apos;est pas un fichier lisible</translation>
    </message>
    <message>
        <source>key file &apos;%1&apos; is not a readable file</source>
        <translation>le fichier de clé &apos;%1&apos; n&apos;est pas un fichier lisible</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address; use 0.0.0.0 for all IPv4 interfaces, :: for IPv4 and IPv6, or one address of this host</source>
        <translation>&apos;%1&apos; n&apos;est pas une adresse IP ; utilisez 0.0.0.0 pour toutes les interfaces IPv4, :: pour IPv4 et IPv6, ou une adresse de cette machine</translation>
    </message>
    <message>
        <source>expected 0 (one per CPU core) or a positive number</source>
        <translation>attendu : 0 (un par cœur de processeur) ou un nombre positif</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address</source>
        <translation>&apos;%1&apos; n&apos;est pas une adresse e-mail</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an https:// URL of an ACME directory</source>
        <translation>&apos;%1&apos; n&apos;est pas l&apos;URL https:// d&apos;un annuaire ACME</translation>
    </message>
    <message>
        <source>expected at least one of http-01, tls-alpn-01</source>
        <translation>attendu : au moins l&apos;un de http-01, tls-alpn-01</translation>
    </message>
    <message>
        <source>unknown challenge type &apos;%1&apos;; expected http-01 or tls-alpn-01</source>
        <translation>type de challenge inconnu &apos;%1&apos; ; attendu : http-01 ou tls-alpn-01</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice</source>
        <translation>&apos;%1&apos; figure deux fois</translation>
    </message>
    <message>
        <source>expected a port number 1..65535</source>
        <translation>attendu : un numéro de port 1..65535</translation>
    </message>
    <message>
        <source>expected at least one port</source>
        <translation>au moins un port attendu</translation>
    </message>
    <message>
        <source>reversed range %1..%2; &quot;from&quot; must not be above &quot;to&quot;</source>
        <translation>plage inversée %1..%2 ; &quot;from&quot; ne doit pas dépasser &quot;to&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <extracomment>%1 is a domain as written in the config, %2 what is wrong with it.</extracomment>
        <translation>&apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid header name</source>
        <translation>&apos;%1&apos; n&apos;est pas un nom d&apos;en-tête valide</translation>
    </message>
    <message>
        <source>invalid regular expression at offset %1: %2</source>
        <extracomment>%1 is a character position in the expression, %2 the expression engine&apos;s error.</extracomment>
        <translation>expression régulière invalide à la position %1 : %2</translation>
    </message>
    <message>
        <source>expected 0 (no limit) or a positive number</source>
        <translation>attendu : 0 (aucune limite) ou un nombre positif</translation>
    </message>
    <message>
        <source>a metrics route reveals route names, domains and traffic to anyone who can reach it; restrict it with security.ipAllowList</source>
        <translation>une route metrics révèle les noms des routes, les domaines et le trafic à quiconque peut l&apos;atteindre ; restreignez-la avec security.ipAllowList</translation>
    </message>
    <message>
        <source>missing; a certificate needs mode terminate or terminate-and-reencrypt</source>
        <translation>manquant ; un certificat demande le mode terminate ou terminate-and-reencrypt</translation>
    </message>
    <message>
        <source>passthrough forwards TLS untouched, so it needs action type &quot;forward&quot;</source>
        <translation>passthrough transmet TLS tel quel, il lui faut donc le type d&apos;action &quot;forward&quot;</translation>
    </message>
    <message>
        <source>passthrough forwards TLS untouched and serves no certificate; remove it, or use mode terminate</source>
        <translation>passthrough transmet TLS tel quel et ne présente aucun certificat ; retirez-le, ou utilisez le mode terminate</translation>
    </message>
    <message>
        <source>a path is inside TLS, which passthrough does not decrypt; remove it or use mode terminate</source>
        <translation>un chemin se trouve à l&apos;intérieur de TLS, que passthrough ne déchiffre pas ; retirez-le ou utilisez le mode terminate</translation>
    </message>
    <message>
        <source>headers are inside TLS, which passthrough does not decrypt; remove them or use mode terminate</source>
        <translation>les en-têtes se trouvent à l&apos;intérieur de TLS, que passthrough ne déchiffre pas ; retirez-les ou utilisez le mode terminate</translation>
    </message>
    <message>
        <source>terminate-and-reencrypt connects to targets, so it needs action type &quot;forward&quot;; use terminate</source>
        <translation>terminate-and-reencrypt se connecte aux cibles, il lui faut donc le type d&apos;action &quot;forward&quot; ; utilisez terminate</translation>
    </message>
    <message>
        <source>missing; terminating TLS needs &quot;auto&quot; or {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}</source>
        <translation>manquant ; terminer TLS demande &quot;auto&quot; ou {&quot;cert&quot;: PATH, &quot;key&quot;: PATH}</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs acme.email, the contact address for the ACME account</source>
        <translation>&quot;auto&quot; demande acme.email, l&apos;adresse de contact du compte ACME</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs match.domains: the names to put in the certificate</source>
        <translation>&quot;auto&quot; demande match.domains : les noms à inscrire dans le certificat</translation>
    </message>
    <message>
        <source>&quot;auto&quot; cannot cover a wildcard or &quot;*&quot; domain: that needs the dns-01 challenge, which Gatehouse does not offer; use a static certificate</source>
        <translation>&quot;auto&quot; ne peut pas couvrir un domaine générique ou &quot;*&quot; : il faudrait le challenge dns-01, que Gatehouse ne propose pas ; utilisez un certificat statique</translation>
    </message>
    <message>
        <source>missing; the path of the certificate chain (PEM)</source>
        <translation>manquant ; le chemin de la chaîne de certificats (PEM)</translation>
    </message>
    <message>
        <source>missing; the path of the private key (PEM)</source>
        <translation>manquant ; le chemin de la clé privée (PEM)</translation>
    </message>
    <message>
        <source>a forward action needs at least one target</source>
        <translation>une action forward a besoin d&apos;au moins une cible</translation>
    </message>
    <message>
        <source>expected a host name or address</source>
        <translation>attendu : un nom d&apos;hôte ou une adresse</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or IP address</source>
        <translation>&apos;%1&apos; n&apos;est ni un nom d&apos;hôte ni une adresse IP</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or IP address: %2</source>
        <translation>&apos;%1&apos; n&apos;est ni un nom d&apos;hôte ni une adresse IP : %2</translation>
    </message>
    <message>
        <source>only used with tls mode terminate-and-reencrypt, which connects to targets over TLS</source>
        <translation>utilisé seulement avec le mode TLS terminate-and-reencrypt, qui se connecte aux cibles en TLS</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name</source>
        <translation>&apos;%1&apos; n&apos;est pas un nom d&apos;hôte</translation>
    </message>
    <message>
        <source>missing; where to send the client, as in https://{host}{path}</source>
        <translation>manquant ; où envoyer le client, comme dans https://{host}{path}</translation>
    </message>
    <message>
        <source>&apos;}&apos; at position %1 closes nothing</source>
        <translation>&apos;}&apos; à la position %1 ne ferme rien</translation>
    </message>
    <message>
        <source>&apos;{&apos; at position %1 is never closed</source>
        <translation>&apos;{&apos; à la position %1 n&apos;est jamais fermée</translation>
    </message>
    <message>
        <source>unknown placeholder {%1}; expected {host}, {path}, {query} or {port}</source>
        <translation>variable inconnue {%1} ; attendu : {host}, {path}, {query} ou {port}</translation>
    </message>
    <message>
        <source>%1 is not a redirect status; expected 301, 302, 303, 307 or 308</source>
        <translation>%1 n&apos;est pas un statut de redirection ; attendu : 301, 302, 303, 307 ou 308</translation>
    </message>
    <message>
        <source>%1 is not a final HTTP status; expected 200..599</source>
        <translation>%1 n&apos;est pas un statut HTTP final ; attendu : 200..599</translation>
    </message>
    <message>
        <source>a header value cannot contain line breaks</source>
        <translation>une valeur d&apos;en-tête ne peut pas contenir de saut de ligne</translation>
    </message>
    <message>
        <source>%1 is set by Gatehouse from the body; remove it</source>
        <extracomment>%1 is a header name: Content-Length or Transfer-Encoding.</extracomment>
        <translation>%1 est fixé par Gatehouse d&apos;après le corps ; retirez-le</translation>
    </message>
</context>
<context>
    <name>gatehouse::config::Diagnostic</name>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <extracomment>%1 is where in the config: a field such as routes[0].match.ports, or a line and column.</extracomment>
        <translation>erreur : %1 : %2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <extracomment>%1 is where in the config: a field such as routes[0].match.ports, or a line and column.</extracomment>
        <translation>avertissement : %1 : %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::ControlClient</name>
    <message>
        <source>disconnected from %1 before the answer</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>déconnecté de %1 avant la réponse</translation>
    </message>
    <message>
        <source>the %1 request is %2 bytes, over the cap of %3</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply, %2 and %3 sizes in bytes.</extracomment>
        <translation>la requête %1 fait %2 octets, au-delà de la limite de %3</translation>
    </message>
    <message>
        <source>not connected to the Gatehouse service</source>
        <translation>pas connecté au service Gatehouse</translation>
    </message>
    <message>
        <source>no answer to %1 from %2 within %3 ms</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply, %2 the control socket&apos;s path, %3 milliseconds.</extracomment>
        <translation>pas de réponse à %1 de la part de %2 en %3 ms</translation>
    </message>
    <message>
        <source>the Gatehouse service at %1 closed the connection</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>le service Gatehouse sur %1 a fermé la connexion</translation>
    </message>
    <message>
        <source>%1 did not accept the connection within %2 ms: the service may be overloaded or hung</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 milliseconds.</extracomment>
        <translation>%1 n&apos;a pas accepté la connexion en %2 ms : le service est peut-être surchargé ou bloqué</translation>
    </message>
    <message>
        <source>the service at %1 sent a message over the cap of %2 bytes</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 a size in bytes.</extracomment>
        <translation>le service sur %1 a envoyé un message au-delà de la limite de %2 octets</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running: %1 does not exist. Start the service (systemctl start gatehoused, or run gatehoused), or pass --control with the path it uses</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows). The commands and --control stay as they are.</extracomment>
        <translation>le service Gatehouse ne tourne pas : %1 n&apos;existe pas. Démarrez le service (systemctl start gatehoused, ou lancez gatehoused), ou passez --control avec le chemin qu&apos;il utilise</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running: nothing answers on %1 (left over from a service that stopped). Start the service (systemctl start gatehoused, or run gatehoused)</source>
        <extracomment>%1 is the control socket&apos;s path. The commands stay as they are.</extracomment>
        <translation>le service Gatehouse ne tourne pas : rien ne répond sur %1 (reste d&apos;un service arrêté). Démarrez le service (systemctl start gatehoused, ou lancez gatehoused)</translation>
    </message>
    <message>
        <source>permission denied on the pipe %1: run this from an elevated (Administrator) prompt</source>
        <extracomment>%1 is a named pipe.</extracomment>
        <translation>accès refusé sur le canal %1 : lancez ceci depuis une invite élevée (Administrateur)</translation>
    </message>
    <message>
        <source>permission denied on %1: join the &apos;gatehouse&apos; group (sudo usermod -aG gatehouse $USER, then log in again) or run as root</source>
        <extracomment>%1 is the control socket&apos;s path. The group name and the command stay as they are.</extracomment>
        <translation>accès refusé sur %1 : rejoignez le groupe &apos;gatehouse&apos; (sudo usermod -aG gatehouse $USER, puis reconnectez-vous) ou travaillez en root</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows).</extracomment>
        <translation>%1 n&apos;a pas accepté la connexion à temps</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 the system&apos;s reason.</extracomment>
        <translation>impossible de se connecter à %1 : %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::ControlServer</name>
    <message>
        <source>cannot create the control socket&apos;s directory %1: check that its parent exists and this user may write there</source>
        <extracomment>%1 is a directory path.</extracomment>
        <translation>impossible de créer le répertoire du socket de contrôle %1 : vérifiez que son parent existe et que cet utilisateur peut y écrire</translation>
    </message>
    <message>
        <source>%1 is not a directory; the control socket needs one there</source>
        <extracomment>%1 is a path.</extracomment>
        <translation>%1 n&apos;est pas un répertoire ; le socket de contrôle en a besoin d&apos;un à cet endroit</translation>
    </message>
    <message>
        <source>the control socket&apos;s directory %1 belongs to uid %2, neither this user nor root: refusing to listen where another user could replace the socket; remove it or choose another --control path</source>
        <extracomment>%1 is a directory path, %2 a numeric user id. --control is a command-line option.</extracomment>
        <translation>le répertoire du socket de contrôle %1 appartient à l&apos;uid %2, ni cet utilisateur ni root : refus d&apos;écouter là où un autre utilisateur pourrait remplacer le socket ; supprimez-le ou choisissez un autre chemin --control</translation>
    </message>
    <message>
        <source>%1 exists and is not a socket: remove it or choose another --control path</source>
        <extracomment>%1 is a path. --control is a command-line option.</extracomment>
        <translation>%1 existe et n&apos;est pas un socket : supprimez-le ou choisissez un autre chemin --control</translation>
    </message>
    <message>
        <source>another control server (pid %1) is already listening on %2: is gatehoused already running? Stop it first, or give this one a different --control path</source>
        <extracomment>%1 is a process id, %2 the control socket&apos;s path. --control is a command-line option.</extracomment>
        <translation>un autre serveur de contrôle (pid %1) écoute déjà sur %2 : gatehoused tourne-t-il déjà ? Arrêtez-le d&apos;abord, ou donnez à celui-ci un autre chemin --control</translation>
    </message>
    <message>
        <source>another control server is already listening on %1: is gatehoused already running? Stop it first, or give this one a different --control path</source>
        <extracomment>%1 is the control socket&apos;s path. --control is a command-line option.</extracomment>
        <translation>un autre serveur de contrôle écoute déjà sur %1 : gatehoused tourne-t-il déjà ? Arrêtez-le d&apos;abord, ou donnez à celui-ci un autre chemin --control</translation>
    </message>
    <message>
        <source>cannot tell whether a server still listens on %1 (permission denied): remove it if no Gatehouse service is running</source>
        <extracomment>%1 is the control socket&apos;s path.</extracomment>
        <translation>impossible de savoir si un serveur écoute encore sur %1 (accès refusé) : supprimez-le si aucun service Gatehouse ne tourne</translation>
    </message>
    <message>
        <source>cannot remove the stale control socket %1: check the directory&apos;s permissions</source>
        <extracomment>%1 is the control socket&apos;s path.</extracomment>
        <translation>impossible de supprimer le socket de contrôle périmé %1 : vérifiez les permissions du répertoire</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <extracomment>%1 is the control socket&apos;s path (a pipe name on Windows), %2 the system&apos;s reason.</extracomment>
        <translation>impossible d&apos;écouter sur %1 : %2</translation>
    </message>
    <message>
        <source>permission denied: only Administrators (from an elevated prompt) and SYSTEM may use the Gatehouse control pipe</source>
        <translation>accès refusé : seuls les Administrateurs (depuis une invite élevée) et SYSTEM peuvent utiliser le canal de contrôle de Gatehouse</translation>
    </message>
    <message>
        <source>permission denied: %1 may not use the Gatehouse control socket. Only root, the service&apos;s own user and members of the &apos;%2&apos; group may: ask an administrator to run &apos;usermod -aG %2 %1&apos;, then log in again</source>
        <extracomment>%1 is a user name (or &quot;uid&quot; and a number), %2 a group name; &apos;usermod -aG %2 %1&apos; is a command, keep it as is.</extracomment>
        <translation>accès refusé : %1 ne peut pas utiliser le socket de contrôle de Gatehouse. Seuls root, l&apos;utilisateur du service et les membres du groupe &apos;%2&apos; le peuvent : demandez à un administrateur d&apos;exécuter &apos;usermod -aG %2 %1&apos;, puis reconnectez-vous</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::Message</name>
    <message>
        <source>a message must be a JSON object</source>
        <translation>un message doit être un objet JSON</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <extracomment>%1 is Qt&apos;s description of a JSON syntax error, %2 a byte offset in the message.</extracomment>
        <translation>%1 à la position %2</translation>
    </message>
    <message>
        <source>batches are not supported; send one request per line</source>
        <translation>les lots (batches) ne sont pas pris en charge ; envoyez une requête par ligne</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string, a number or null</source>
        <extracomment>&quot;id&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;id&quot; doit être une chaîne, un nombre ou null</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be &quot;2.0&quot;</source>
        <extracomment>&quot;jsonrpc&quot; is a JSON-RPC field name and &quot;2.0&quot; its value: keep both as they are.</extracomment>
        <translation>&quot;jsonrpc&quot; doit valoir &quot;2.0&quot;</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a non-empty string</source>
        <extracomment>&quot;method&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;method&quot; doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object or an array</source>
        <extracomment>&quot;params&quot; is a JSON-RPC field name: keep it as is.</extracomment>
        <translation>&quot;params&quot; doit être un objet ou un tableau</translation>
    </message>
    <message>
        <source>neither a request (&quot;method&quot;) nor a response (&quot;id&quot; with &quot;result&quot; or &quot;error&quot;)</source>
        <extracomment>&quot;method&quot;, &quot;id&quot;, &quot;result&quot; and &quot;error&quot; are JSON-RPC field names: keep them as they are.</extracomment>
        <translation>ni une requête (&quot;method&quot;) ni une réponse (&quot;id&quot; avec &quot;result&quot; ou &quot;error&quot;)</translation>
    </message>
    <message>
        <source>&quot;error&quot; must be an object with an integer &quot;code&quot; and a string &quot;message&quot;</source>
        <extracomment>&quot;error&quot;, &quot;code&quot; and &quot;message&quot; are JSON-RPC field names: keep them as they are.</extracomment>
        <translation>&quot;error&quot; doit être un objet avec un entier &quot;code&quot; et une chaîne &quot;message&quot;</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::Responder</name>
    <message>
        <source>the handler for %1 gave no answer</source>
        <extracomment>%1 is a control method&apos;s name such as config.apply.</extracomment>
        <translation>le gestionnaire de %1 n&apos;a donné aucune réponse</translation>
    </message>
</context>
<context>
    <name>gatehouse::control::RpcError</name>
    <message>
        <source>parse error: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;parse error&quot;; %1 says what is wrong with the message.</extracomment>
        <translation>erreur d&apos;analyse : %1</translation>
    </message>
    <message>
        <source>invalid request: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;invalid request&quot;; %1 says what is wrong with it.</extracomment>
        <translation>requête invalide : %1</translation>
    </message>
    <message>
        <source>method not found: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;method not found&quot;; %1 is the method&apos;s name as the client sent it.</extracomment>
        <translation>méthode introuvable : %1</translation>
    </message>
    <message>
        <source>invalid params: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;invalid params&quot; (the request&apos;s parameters); %1 says what was expected or wrong.</extracomment>
        <translation>paramètres invalides : %1</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <extracomment>JSON-RPC&apos;s &quot;internal error&quot;; %1 says what went wrong.</extracomment>
        <translation>erreur interne : %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::Ctl</name>
    <message>
        <source>gatehousectl: interrupted before the service answered</source>
        <translation>gatehousectl : interrompu avant la réponse du service</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>error: cannot read it: %1</source>
        <translation>erreur : lecture impossible : %1</translation>
    </message>
    <message>
        <source>expected a JSON object with the config</source>
        <translation>un objet JSON contenant la configuration est attendu</translation>
    </message>
    <message>
        <source>%1 is not a JSON config object</source>
        <translation>%1 n&apos;est pas un objet de configuration JSON</translation>
    </message>
    <message>
        <source>%1: not sent to the service</source>
        <translation>%1 : non envoyé au service</translation>
    </message>
    <message>
        <source>gatehousectl: the Gatehouse service at %1 did not answer %2 in time: it may be overloaded or hung (check &apos;systemctl status gatehoused&apos; or its log)</source>
        <translation>gatehousectl : le service Gatehouse sur %1 n&apos;a pas répondu à %2 à temps : il est peut-être surchargé ou bloqué (voir &apos;systemctl status gatehoused&apos; ou son journal)</translation>
    </message>
    <message>
        <source>gatehousectl: %1 failed: %2</source>
        <translation>gatehousectl : échec de %1 : %2</translation>
    </message>
    <message>
        <source>nothing is listening on %1 (a socket left behind by a service that stopped)</source>
        <translation>rien n&apos;écoute sur %1 (un socket laissé par un service arrêté)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 did not accept the connection in time; the service may be overloaded or hung</source>
        <translation>%1 n&apos;a pas accepté la connexion à temps ; le service est peut-être surchargé ou bloqué</translation>
    </message>
    <message>
        <source>the service closed the connection on %1</source>
        <translation>le service a fermé la connexion sur %1</translation>
    </message>
    <message>
        <source>gatehousectl: cannot reach the Gatehouse service: %1.</source>
        <translation>gatehousectl : impossible de joindre le service Gatehouse : %1.</translation>
    </message>
    <message>
        <source>Start it with &apos;systemctl start gatehoused&apos; (or run &apos;gatehoused&apos;), or pass --control with the socket it listens on.</source>
        <translation>Démarrez-le avec &apos;systemctl start gatehoused&apos; (ou lancez &apos;gatehoused&apos;), ou indiquez avec --control le socket sur lequel il écoute.</translation>
    </message>
    <message>
        <source>gatehousectl: permission denied on %1: only Administrators (from an elevated prompt) and SYSTEM may use the Gatehouse control pipe.</source>
        <translation>gatehousectl : accès refusé sur %1 : seuls les Administrateurs (depuis une invite élevée) et SYSTEM peuvent utiliser le canal de contrôle de Gatehouse.</translation>
    </message>
    <message>
        <source>gatehousectl: permission denied on %1: only root, the service&apos;s own user and members of the &apos;%2&apos; group may use the Gatehouse control socket.</source>
        <translation>gatehousectl : accès refusé sur %1 : seuls root, l&apos;utilisateur du service et les membres du groupe &apos;%2&apos; peuvent utiliser le socket de contrôle de Gatehouse.</translation>
    </message>
    <message>
        <source>Join the &apos;%1&apos; group (sudo usermod -aG %1 $USER, then log in again) or run as root.</source>
        <translation>Rejoignez le groupe &apos;%1&apos; (sudo usermod -aG %1 $USER, puis reconnectez-vous) ou travaillez en root.</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1 : valide</translation>
    </message>
    <message>
        <source>%1: applied, revision %2 (%3 bound, %4 kept, %5 released, %6 failed)</source>
        <translation>%1 : appliquée, révision %2 (%3 liés, %4 conservés, %5 libérés, %6 en échec)</translation>
    </message>
    <message>
        <source>%1: warning: not bound yet: %2; the service keeps retrying (see DETAIL above)</source>
        <translation>%1 : avertissement : pas encore lié : %2 ; le service continue d&apos;essayer (voir DETAIL ci-dessus)</translation>
    </message>
    <message>
        <source>the running config is unchanged</source>
        <translation>la configuration en cours est inchangée</translation>
    </message>
    <message>
        <source>%1: error: revision conflict: the running config is at revision %2, not %3 (it changed since); nothing changed. Look at it again (&apos;gatehousectl routes&apos;) and apply with --base-revision %2.</source>
        <translation>%1 : erreur : conflit de révision : la configuration en cours est à la révision %2, pas %3 (elle a changé entre-temps) ; rien n&apos;a changé. Relisez-la (&apos;gatehousectl routes&apos;) et appliquez avec --base-revision %2.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>Ports (unchanged):</source>
        <translation>Ports (inchangés) :</translation>
    </message>
    <message>
        <source>Renewal of the certificate for %1 started; follow it with &apos;gatehousectl events&apos;.</source>
        <translation>Le renouvellement du certificat pour %1 a commencé ; suivez-le avec &apos;gatehousectl events&apos;.</translation>
    </message>
    <message>
        <source>Reloaded: revision %1</source>
        <translation>Rechargée : révision %1</translation>
    </message>
    <message>
        <source>reload</source>
        <translation>rechargement</translation>
    </message>
    <message>
        <source>reload: the config file is invalid; the running config is unchanged</source>
        <translation>rechargement : le fichier de configuration est invalide ; la configuration en cours est inchangée</translation>
    </message>
    <message>
        <source>Following events from %1; Ctrl+C to stop.</source>
        <translation>Suivi des événements de %1 ; Ctrl+C pour arrêter.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::CtlFormat</name>
    <message>
        <source>forward to %1</source>
        <translation>transférer vers %1</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>rediriger %1 vers %2</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>répondre %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>running, version %1</source>
        <translation>en marche, version %1</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Écouteurs</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>No listeners: no enabled route wants a port.</source>
        <translation>Aucun écouteur : aucune route active ne demande de port.</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>LISTENER</source>
        <translation>ÉCOUTEUR</translation>
    </message>
    <message>
        <source>ROUTES</source>
        <translation>ROUTES</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DÉTAIL</translation>
    </message>
    <message>
        <source>; next retry %1</source>
        <translation> ; prochain essai %1</translation>
    </message>
    <message>
        <source>in use by another process (the OS does not say which)</source>
        <translation>utilisé par un autre processus (le système ne dit pas lequel)</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>utilisé par %1</translation>
    </message>
    <message>
        <source>ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023</source>
        <translation>les ports sous 1024 exigent des privilèges : lancez gatehoused en root ou donnez-lui CAP_NET_BIND_SERVICE (AmbientCapabilities= dans son unité), ou utilisez un port au-dessus de 1023</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>Revision %1, bind address %2</source>
        <translation>Révision %1, adresse de liaison %2</translation>
    </message>
    <message>
        <source>all interfaces</source>
        <translation>toutes les interfaces</translation>
    </message>
    <message>
        <source>No routes.</source>
        <translation>Aucune route.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>PORTS</translation>
    </message>
    <message>
        <source>DOMAINS</source>
        <translation>DOMAINES</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>(disabled)</source>
        <translation>(désactivée)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s), last: %1</source>
        <translation>
            <numerusform>%n tentative échouée, dernière : %1</numerusform>
            <numerusform>%n tentatives échouées, dernière : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(next attempt %1)</source>
        <translation>(prochaine tentative %1)</translation>
    </message>
    <message>
        <source>serial %1, %2</source>
        <translation>numéro de série %1, %2</translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation>Aucun certificat.</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>EXPIRATION</translation>
    </message>
    <message>
        <source>RENEWAL</source>
        <translation>RENOUVELLEMENT</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>révision %1</translation>
    </message>
    <message>
        <source>(in use by %1)</source>
        <translation>(utilisé par %1)</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 libéré</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>%1: 1 error, config rejected</source>
        <translation>%1 : 1 erreur, configuration refusée</translation>
    </message>
    <message>
        <source>%1: %2 errors, config rejected</source>
        <translation>%1 : %2 erreurs, configuration refusée</translation>
    </message>
    <message>
        <source>metrics (Prometheus)</source>
        <translation>métriques (Prometheus)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ctl::CtlOptions</name>
    <message>
        <source>Show the service&apos;s version, revision and ports.</source>
        <translation>Afficher la version, la révision et les ports du service.</translation>
    </message>
    <message>
        <source>Ask the service whether FILE is a valid config; changes nothing.</source>
        <translation>Demander au service si FILE est une configuration valide ; ne change rien.</translation>
    </message>
    <message>
        <source>Make FILE the running config and show the resulting ports.</source>
        <translation>Faire de FILE la configuration en cours et afficher les ports qui en résultent.</translation>
    </message>
    <message>
        <source>List the routes of the running config.</source>
        <translation>Lister les routes de la configuration en cours.</translation>
    </message>
    <message>
        <source>List the listeners: conflicts with their holder first, then denied, waiting and bound.</source>
        <translation>Lister les écouteurs : d&apos;abord les conflits avec leur détenteur, puis refusés, en attente et liés.</translation>
    </message>
    <message>
        <source>List the certificates.</source>
        <translation>Lister les certificats.</translation>
    </message>
    <message>
        <source>Renew the certificate for DOMAIN now.</source>
        <translation>Renouveler maintenant le certificat pour DOMAIN.</translation>
    </message>
    <message>
        <source>Re-read the config file (as SIGHUP does); an invalid file changes nothing.</source>
        <translation>Relire le fichier de configuration (comme SIGHUP) ; un fichier invalide ne change rien.</translation>
    </message>
    <message>
        <source>Follow the service&apos;s events until interrupted (Ctrl+C).</source>
        <translation>Suivre les événements du service jusqu&apos;à interruption (Ctrl+C).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>apply takes --strict (every port binds, or nothing changes) and --base-revision N (refused when the running revision is no longer N).</source>
        <translation>apply accepte --strict (chaque port est lié, ou rien ne change) et --base-revision N (refusé si la révision en cours n&apos;est plus N).</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok; 1 invalid config, conflict or failed request; 2 the service cannot be reached; 3 permission denied; 64 wrong command line.</source>
        <translation>Codes de sortie : 0 ok ; 1 configuration invalide, conflit ou requête échouée ; 2 service injoignable ; 3 accès refusé ; 64 ligne de commande incorrecte.</translation>
    </message>
    <message>
        <source>Run &apos;gatehousectl --help&apos; for the list of commands.</source>
        <translation>Lancez &apos;gatehousectl --help&apos; pour la liste des commandes.</translation>
    </message>
    <message>
        <source>Command-line client of the Gatehouse service&apos;s control socket.</source>
        <translation>Client en ligne de commande du socket de contrôle du service Gatehouse.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <source>Control socket of the service (default: %1).</source>
        <translation>Socket de contrôle du service (par défaut : %1).</translation>
    </message>
    <message>
        <source>Print the service&apos;s answer as JSON (the result, or the error object).</source>
        <translation>Afficher la réponse du service en JSON (le résultat, ou l&apos;objet d&apos;erreur).</translation>
    </message>
    <message>
        <source>apply: all wanted ports must bind, or nothing changes.</source>
        <translation>apply : tous les ports voulus doivent être liés, sinon rien ne change.</translation>
    </message>
    <message>
        <source>apply: only if the running config is still at revision N.</source>
        <translation>apply : seulement si la configuration en cours est toujours à la révision N.</translation>
    </message>
    <message>
        <source>What to do; see Commands below.</source>
        <translation>Que faire ; voir Commandes ci-dessous.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>aucune commande donnée</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs %2: gatehousectl %1 %2</source>
        <translation>%1 demande %2 : gatehousectl %1 %2</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; after %2</source>
        <translation>argument inattendu &apos;%1&apos; après %2</translation>
    </message>
    <message>
        <source>--control needs a socket path</source>
        <translation>--control demande le chemin d&apos;un socket</translation>
    </message>
    <message>
        <source>--strict only applies to the apply command</source>
        <translation>--strict ne s&apos;applique qu&apos;à la commande apply</translation>
    </message>
    <message>
        <source>--base-revision only applies to the apply command</source>
        <translation>--base-revision ne s&apos;applique qu&apos;à la commande apply</translation>
    </message>
    <message>
        <source>--base-revision needs a revision number (1 or more), not &apos;%1&apos;</source>
        <translation>--base-revision demande un numéro de révision (1 ou plus), pas &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::ApplyController</name>
    <message>
        <source>Checking the config with the service…</source>
        <translation>Vérification de la configuration par le service…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>The service could not check the config: %1</source>
        <translation>Le service n&apos;a pas pu vérifier la configuration : %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>Config rejected</source>
        <translation>Configuration refusée</translation>
    </message>
    <message>
        <source>The service rejects this config; nothing was applied.</source>
        <translation>Le service refuse cette configuration ; rien n&apos;a été appliqué.</translation>
    </message>
    <message>
        <source>Not applied: the config has errors.</source>
        <translation>Non appliquée : la configuration contient des erreurs.</translation>
    </message>
    <message>
        <source>Apply with warnings?</source>
        <translation>Appliquer malgré les avertissements ?</translation>
    </message>
    <message>
        <source>The config is valid, but some routes overlap or can never be selected:</source>
        <translation>La configuration est valide, mais certaines routes se chevauchent ou ne peuvent jamais être choisies :</translation>
    </message>
    <message>
        <source>Apply &amp;anyway</source>
        <translation>Appliquer &amp;quand même</translation>
    </message>
    <message>
        <source>Apply cancelled.</source>
        <translation>Application annulée.</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Retour en arrière…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>(in use by %1)</source>
        <translation>(utilisé par %1)</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Correction : %1</translation>
    </message>
    <message>
        <source>Rolled back: revision %1 runs the previous config.</source>
        <translation>Retour en arrière effectué : la révision %1 exécute la configuration précédente.</translation>
    </message>
    <message>
        <source>Applied: revision %1.</source>
        <translation>Appliquée : révision %1.</translation>
    </message>
    <message>
        <source>1 port could not be bound</source>
        <translation>1 port n&apos;a pas pu être lié</translation>
    </message>
    <message>
        <source>%1 ports could not be bound</source>
        <translation>%1 ports n&apos;ont pas pu être liés</translation>
    </message>
    <message>
        <source>Applied revision %1; %2.</source>
        <translation>Révision %1 appliquée ; %2.</translation>
    </message>
    <message>
        <source>Some ports could not be bound</source>
        <translation>Certains ports n&apos;ont pas pu être liés</translation>
    </message>
    <message>
        <source>Revision %1 is running, but %2. The service retries them until they are free; routes on them do not answer meanwhile.</source>
        <translation>La révision %1 tourne, mais %2. Le service réessaie jusqu&apos;à ce qu&apos;ils soient libres ; les routes sur ces ports ne répondent pas entre-temps.</translation>
    </message>
    <message>
        <source>&amp;Keep it (retry in the background)</source>
        <translation>&amp;La garder (réessayer en arrière-plan)</translation>
    </message>
    <message>
        <source>&amp;Roll back to revision %1 (all or nothing)</source>
        <translation>&amp;Revenir à la révision %1 (tout ou rien)</translation>
    </message>
    <message>
        <source>Not applied: the service&apos;s config changed meanwhile (revision %1).</source>
        <translation>Non appliquée : la configuration du service a changé entre-temps (révision %1).</translation>
    </message>
    <message>
        <source>The config changed meanwhile</source>
        <translation>La configuration a changé entre-temps</translation>
    </message>
    <message>
        <source>Someone else changed the service&apos;s config: it is at revision %1 now, and your edits started from revision %2. Nothing was applied.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié la configuration du service : elle est maintenant à la révision %1, et vos modifications partaient de la révision %2. Rien n&apos;a été appliqué.</translation>
    </message>
    <message>
        <source>Reload the service&apos;s config and apply your changes on top of it?</source>
        <translation>Recharger la configuration du service et y appliquer vos modifications ?</translation>
    </message>
    <message>
        <source>&amp;Reload and re-apply my changes</source>
        <translation>&amp;Recharger et réappliquer mes modifications</translation>
    </message>
    <message>
        <source>Reload and &amp;discard my changes</source>
        <translation>Recharger et &amp;abandonner mes modifications</translation>
    </message>
    <message>
        <source>Rollback failed: nothing changed.</source>
        <translation>Échec du retour en arrière : rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>Not applied: nothing changed.</source>
        <translation>Non appliquée : rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>Ports could not be bound</source>
        <translation>Des ports n&apos;ont pas pu être liés</translation>
    </message>
    <message>
        <source>The rollback needs ports that cannot be bound now, so nothing changed (all or nothing).</source>
        <translation>Le retour en arrière demande des ports qui ne peuvent pas être liés maintenant, donc rien n&apos;a changé (tout ou rien).</translation>
    </message>
    <message>
        <source>Some ports cannot be bound now, so nothing changed (all or nothing).</source>
        <translation>Certains ports ne peuvent pas être liés maintenant, donc rien n&apos;a changé (tout ou rien).</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliquée : %1</translation>
    </message>
    <message>
        <source>Apply failed</source>
        <translation>Échec de l&apos;application</translation>
    </message>
    <message>
        <source>The service did not apply the config: %1</source>
        <translation>Le service n&apos;a pas appliqué la configuration : %1</translation>
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
        <translation>%1 (tentative %2)</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>prochaine tentative %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Next renewal</source>
        <translation>Prochain renouvellement</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::CertificatesView</name>
    <message>
        <source>Re&amp;new now</source>
        <translation>Re&amp;nouveler maintenant</translation>
    </message>
    <message>
        <source>Ask the service to renew the selected certificate now</source>
        <translation>Demander au service de renouveler maintenant le certificat sélectionné</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::EventsModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::EventsView</name>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>Filter events…</source>
        <translation>Filtrer les événements…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::MainWindow</name>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add route…</source>
        <translation>&amp;Ajouter une route…</translation>
    </message>
    <message>
        <source>Add a route</source>
        <translation>Ajouter une route</translation>
    </message>
    <message>
        <source>&amp;Edit route…</source>
        <translation>&amp;Modifier la route…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Edit the selected route</source>
        <translation>Modifier la route sélectionnée</translation>
    </message>
    <message>
        <source>D&amp;uplicate route</source>
        <translation>D&amp;upliquer la route</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Copy the selected route</source>
        <translation>Copier la route sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Delete route</source>
        <translation>&amp;Supprimer la route</translation>
    </message>
    <message>
        <source>Delete the selected route</source>
        <translation>Supprimer la route sélectionnée</translation>
    </message>
    <message>
        <source>E&amp;nable or disable</source>
        <translation>Acti&amp;ver ou désactiver</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Switch the selected route on or off</source>
        <translation>Activer ou désactiver la route sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Raise priority</source>
        <translation>&amp;Augmenter la priorité</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Raise the selected route&apos;s priority by one</source>
        <translation>Augmenter d&apos;un la priorité de la route sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Lower priority</source>
        <translation>&amp;Baisser la priorité</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Lower the selected route&apos;s priority by one</source>
        <translation>Baisser d&apos;un la priorité de la route sélectionnée</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Check the local changes with the service and run them</source>
        <translation>Faire vérifier les modifications locales par le service et les exécuter</translation>
    </message>
    <message>
        <source>Apply all or &amp;nothing</source>
        <translation>Appliquer tout ou &amp;rien</translation>
    </message>
    <message>
        <source>Apply only if every port can be bound; otherwise change nothing</source>
        <translation>Appliquer seulement si chaque port peut être lié ; sinon ne rien changer</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>A&amp;bandonner les modifications</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Throw the local changes away and show what the service runs</source>
        <translation>Jeter les modifications locales et afficher ce que le service exécute</translation>
    </message>
    <message>
        <source>Re&amp;load the service&apos;s config file</source>
        <translation>Re&amp;charger le fichier de configuration du service</translation>
    </message>
    <message>
        <source>Make the service read its config file again</source>
        <translation>Faire relire au service son fichier de configuration</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Re&amp;connecter</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Connect to the service again now</source>
        <translation>Se reconnecter au service maintenant</translation>
    </message>
    <message>
        <source>&amp;Import config…</source>
        <translation>&amp;Importer une configuration…</translation>
    </message>
    <message>
        <source>Load a config file as local changes</source>
        <translation>Charger un fichier de configuration comme modifications locales</translation>
    </message>
    <message>
        <source>E&amp;xport config…</source>
        <translation>E&amp;xporter la configuration…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save the local config to a file</source>
        <translation>Enregistrer la configuration locale dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close Gatehouse</source>
        <translation>Fermer Gatehouse</translation>
    </message>
    <message>
        <source>&amp;Routes</source>
        <translation>&amp;Routes</translation>
    </message>
    <message>
        <source>&amp;Ports</source>
        <translation>&amp;Ports</translation>
    </message>
    <message>
        <source>&amp;Certificates</source>
        <translation>&amp;Certificats</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>À &amp;propos de Gatehouse</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>À propos de Gatehouse</translation>
    </message>
    <message>
        <source>Gatehouse %1: a reverse proxy with automatic HTTPS.
This window manages the service at %2.</source>
        <translation>Gatehouse %1 : un proxy inverse avec HTTPS automatique.
Cette fenêtre gère le service sur %2.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Double-click a finding to edit its route</source>
        <translation>Double-cliquez sur un constat pour modifier sa route</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>Modifications non appliquées</translation>
    </message>
    <message>
        <source>Your changes to the routes are not applied. Quit and lose them?</source>
        <translation>Vos modifications des routes ne sont pas appliquées. Quitter et les perdre ?</translation>
    </message>
    <message>
        <source>Could not read the service&apos;s config: %1</source>
        <translation>Impossible de lire la configuration du service : %1</translation>
    </message>
    <message>
        <source>The service&apos;s config could not be read here: %1</source>
        <translation>La configuration du service n&apos;a pas pu être lue ici : %1</translation>
    </message>
    <message>
        <source>The certificates could not be listed: %1</source>
        <translation>Les certificats n&apos;ont pas pu être listés : %1</translation>
    </message>
    <message>
        <source>No certificates: no route terminates TLS with an automatic certificate (TLS tab: certificate Automatic).</source>
        <translation>Aucun certificat : aucune route ne termine TLS avec un certificat automatique (onglet TLS : certificat Automatique).</translation>
    </message>
    <message>
        <source>Asking the service to renew the certificate for %1…</source>
        <translation>Demande au service de renouveler le certificat pour %1…</translation>
    </message>
    <message>
        <source>Renewal of the certificate for %1 started.</source>
        <translation>Le renouvellement du certificat pour %1 a commencé.</translation>
    </message>
    <message>
        <source>Renew now</source>
        <translation>Renouveler maintenant</translation>
    </message>
    <message>
        <source>The certificate for %1 could not be renewed: %2</source>
        <translation>Le certificat pour %1 n&apos;a pas pu être renouvelé : %2</translation>
    </message>
    <message>
        <source>The service re-read its config file: revision %1.</source>
        <translation>Le service a relu son fichier de configuration : révision %1.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>The service kept its running config: %1</source>
        <translation>Le service a gardé sa configuration en cours : %1</translation>
    </message>
    <message>
        <source>The service&apos;s config changed to revision %1 since your edits started from revision %2 (another client applied a change). Apply offers to reload it and re-apply your changes on top.</source>
        <translation>La configuration du service est passée à la révision %1 alors que vos modifications partaient de la révision %2 (un autre client a appliqué un changement). Appliquer propose de la recharger et d&apos;y réappliquer vos modifications.</translation>
    </message>
    <message>
        <source>Gatehouse — %1</source>
        <translation>Gatehouse — %1</translation>
    </message>
    <message>
        <source>revision %1, changes not applied</source>
        <translation>révision %1, modifications non appliquées</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>révision %1</translation>
    </message>
    <message>
        <source>Fix the errors listed under the routes first</source>
        <translation>Corrigez d&apos;abord les erreurs listées sous les routes</translation>
    </message>
    <message>
        <source>Check the local changes with the service and run them (%1)</source>
        <translation>Faire vérifier les modifications locales par le service et les exécuter (%1)</translation>
    </message>
    <message>
        <source>Disa&amp;ble route</source>
        <translation>Désacti&amp;ver la route</translation>
    </message>
    <message>
        <source>E&amp;nable route</source>
        <translation>Acti&amp;ver la route</translation>
    </message>
    <message>
        <source>Deleted route %1 (Discard changes brings it back until you apply).</source>
        <translation>Route %1 supprimée (Abandonner les modifications la ramène jusqu&apos;à l&apos;application).</translation>
    </message>
    <message>
        <source>Reloaded revision %1; with your changes on top the config has errors, so it was not applied.</source>
        <translation>Révision %1 rechargée ; avec vos modifications par-dessus, la configuration contient des erreurs et n&apos;a donc pas été appliquée.</translation>
    </message>
    <message>
        <source>Import config</source>
        <translation>Importer une configuration</translation>
    </message>
    <message>
        <source>Gatehouse config (*.json);;All files (*)</source>
        <translation>Configuration Gatehouse (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export config</source>
        <translation>Exporter la configuration</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>lecture impossible : %1</translation>
    </message>
    <message>
        <source>%1 was not imported:</source>
        <translation>%1 n&apos;a pas été importé :</translation>
    </message>
    <message>
        <source>Imported %1: 1 route, not applied yet.</source>
        <translation>%1 importé : 1 route, pas encore appliquée.</translation>
    </message>
    <message>
        <source>Imported %1: %2 routes, not applied yet.</source>
        <translation>%1 importé : %2 routes, pas encore appliquées.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 n&apos;a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>Exported the config to %1.</source>
        <translation>Configuration exportée vers %1.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::PortsModel</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Écouteur</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::PortsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>No listeners: no enabled route wants a port.</source>
        <translation>Aucun écouteur : aucune route active ne demande de port.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Listeners: %1</source>
        <translation>Écouteurs : %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::RouteEditor</name>
    <message>
        <source>New route</source>
        <translation>Nouvelle route</translation>
    </message>
    <message>
        <source>Edit route %1</source>
        <translation>Modifier la route %1</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Route</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation>&amp;TLS</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sécurité</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Verify TLS</source>
        <translation>Vérifier TLS</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Route is active</source>
        <translation>La route est active</translation>
    </message>
    <message>
        <source>When several routes match a request, the higher priority wins</source>
        <translation>Quand plusieurs routes correspondent à une requête, la priorité la plus haute l&apos;emporte</translation>
    </message>
    <message>
        <source>80, 443, 8000-8010</source>
        <translation>80, 443, 8000-8010</translation>
    </message>
    <message>
        <source>example.com, *.example.com (empty: any)</source>
        <translation>example.com, *.example.com (vide : tous)</translation>
    </message>
    <message>
        <source>/api/* (empty: any)</source>
        <translation>/api/* (vide : tous)</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 192.168.*.* (empty: any)</source>
        <translation>10.0.0.0/8, 192.168.*.* (vide : toutes)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>P&amp;orts:</source>
        <translation>P&amp;orts :</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domaines :</translation>
    </message>
    <message>
        <source>Pat&amp;h:</source>
        <translation>C&amp;hemin :</translation>
    </message>
    <message>
        <source>&amp;Client IPs:</source>
        <translation>IP &amp;clientes :</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;En-têtes :</translation>
    </message>
    <message>
        <source>Forward to targets</source>
        <translation>Transférer vers des cibles</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>Rediriger</translation>
    </message>
    <message>
        <source>Respond with a fixed answer</source>
        <translation>Répondre avec une réponse fixe</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Bundle CA</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <source>Several hosts for one port: separate them with commas. Verify TLS, CA bundle and server name apply to terminate-and-reencrypt only.</source>
        <translation>Plusieurs hôtes pour un port : séparez-les par des virgules. Vérifier TLS, bundle CA et nom du serveur ne s&apos;appliquent qu&apos;à terminate-and-reencrypt.</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Tourniquet</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>Moins de connexions</translation>
    </message>
    <message>
        <source>Client IP hash</source>
        <translation>Hachage de l&apos;IP cliente</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Version 1 (texte)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Version 2 (binaire)</translation>
    </message>
    <message>
        <source>Tar&amp;gets:</source>
        <translation>Ci&amp;bles :</translation>
    </message>
    <message>
        <source>skip a target after</source>
        <translation>écarter une cible après</translation>
    </message>
    <message>
        <source>failures for</source>
        <translation>échecs pendant</translation>
    </message>
    <message>
        <source>&amp;Load balancing:</source>
        <translation>Répartition de &amp;charge :</translation>
    </message>
    <message>
        <source>Send PROXY &amp;protocol:</source>
        <translation>Envoyer le &amp;protocole PROXY :</translation>
    </message>
    <message>
        <source>Placeholders: {host}, {path}, {query}, {port}</source>
        <translation>Variables : {host}, {path}, {query}, {port}</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Vers :</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atut :</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Corps :</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>None (plain TCP or HTTP)</source>
        <translation>Aucun (TCP ou HTTP simple)</translation>
    </message>
    <message>
        <source>Passthrough (forward TLS untouched)</source>
        <translation>Passthrough (TLS transmis tel quel)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Terminate and re-encrypt to the targets</source>
        <translation>Terminer et rechiffrer vers les cibles</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Automatic (ACME, Let&apos;s Encrypt)</source>
        <translation>Automatique (ACME, Let&apos;s Encrypt)</translation>
    </message>
    <message>
        <source>Certificate and key files</source>
        <translation>Fichiers de certificat et de clé</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>C&amp;ertificate chain:</source>
        <translation>Chaîne de c&amp;ertificats :</translation>
    </message>
    <message>
        <source>Certificate chain (PEM)</source>
        <translation>Chaîne de certificats (PEM)</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>&amp;Clé privée :</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>Clé privée (PEM)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode :</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certificat :</translation>
    </message>
    <message>
        <source>empty: everyone</source>
        <translation>vide : tout le monde</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>&amp;Allow only:</source>
        <translation>&amp;Autoriser seulement :</translation>
    </message>
    <message>
        <source>&amp;Block:</source>
        <translation>&amp;Bloquer :</translation>
    </message>
    <message>
        <source>&amp;Max. connections:</source>
        <translation>Connexions &amp;max. :</translation>
    </message>
    <message>
        <source>The route as it appears in the config file; edits here show on the other tabs.</source>
        <translation>La route telle qu&apos;elle apparaît dans le fichier de configuration ; les modifications ici se reflètent dans les autres onglets.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port (1..65535) or a range such as 8000-8010</source>
        <translation>&apos;%1&apos; n&apos;est pas un port (1..65535) ni une plage comme 8000-8010</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number 1..65535</source>
        <translation>&apos;%1&apos; n&apos;est pas un numéro de port 1..65535</translation>
    </message>
    <message>
        <source>missing; the path of the certificate chain (PEM)</source>
        <translation>manquant ; le chemin de la chaîne de certificats (PEM)</translation>
    </message>
    <message>
        <source>missing; the path of the private key (PEM)</source>
        <translation>manquant ; le chemin de la clé privée (PEM)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>Prometheus metrics</source>
        <translation>Métriques Prometheus</translation>
    </message>
    <message>
        <source>Answers GET with the service&apos;s counters in the Prometheus text format. They name routes, domains and ports: restrict the route with an IP allow list on the Security tab.</source>
        <translation>Répond à GET avec les compteurs du service au format texte de Prometheus. Ils nomment les routes, les domaines et les ports : limitez la route par une liste d&apos;adresses IP autorisées dans l&apos;onglet Sécurité.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::RoutesModel</name>
    <message>
        <source>invalid: %1</source>
        <translation>invalide : %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>not applied yet</source>
        <translation>pas encore appliquée</translation>
    </message>
    <message>
        <source>port conflict: %1 in use by another process</source>
        <translation>conflit de port : %1 utilisé par un autre processus</translation>
    </message>
    <message>
        <source>port conflict: %1 held by %2 (pid %3)</source>
        <translation>conflit de port : %1 détenu par %2 (pid %3)</translation>
    </message>
    <message>
        <source>port %1 denied: needs privileges</source>
        <translation>port %1 refusé : privilèges nécessaires</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>en attente de %1</translation>
    </message>
    <message>
        <source>certificate failed</source>
        <translation>échec du certificat</translation>
    </message>
    <message>
        <source>certificate failed: %1</source>
        <translation>échec du certificat : %1</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>certificat %1</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>gatehouse::gui::ServiceConnection</name>
    <message>
        <source>Connecting to the Gatehouse service at %1…</source>
        <translation>Connexion au service Gatehouse sur %1…</translation>
    </message>
    <message>
        <source>Connected to the Gatehouse service at %1.</source>
        <translation>Connecté au service Gatehouse sur %1.</translation>
    </message>
    <message>
        <source>Retrying in 1 second.</source>
        <translation>Nouvel essai dans 1 seconde.</translation>
    </message>
    <message>
        <source>Retrying in %1 seconds.</source>
        <translation>Nouvel essai dans %1 secondes.</translation>
    </message>
    <message>
        <source>Only Administrators and SYSTEM may manage Gatehouse: run the GUI as administrator.</source>
        <translation>Seuls les Administrateurs et SYSTEM peuvent gérer Gatehouse : lancez l&apos;interface en tant qu&apos;administrateur.</translation>
    </message>
    <message>
        <source>Only root, the service&apos;s own user and members of the &apos;%1&apos; group may manage Gatehouse: join the group (sudo usermod -aG %1 $USER), then log out and in again.</source>
        <translation>Seuls root, l&apos;utilisateur du service et les membres du groupe &apos;%1&apos; peuvent gérer Gatehouse : rejoignez le groupe (sudo usermod -aG %1 $USER), puis déconnectez-vous et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Not connected: permission denied on %1. %2 %3</source>
        <translation>Non connecté : accès refusé sur %1. %2 %3</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running (nothing listens on %1)</source>
        <translation>le service Gatehouse ne tourne pas (rien n&apos;écoute sur %1)</translation>
    </message>
    <message>
        <source>the Gatehouse service is not running (%1 does not exist)</source>
        <translation>le service Gatehouse ne tourne pas (%1 n&apos;existe pas)</translation>
    </message>
    <message>
        <source>the service at %1 did not answer in time</source>
        <translation>le service sur %1 n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation>la connexion à %1 a été perdue</translation>
    </message>
    <message>
        <source>Not connected: %1. Start it with: %2. %3</source>
        <translation>Non connecté : %1. Démarrez-le avec : %2. %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::i18n</name>
    <message>
        <source>Language of messages: de, en, es or fr (default: $GATEHOUSE_LANG, else the system&apos;s).</source>
        <translation>Langue des messages : de, en, es ou fr (par défaut : $GATEHOUSE_LANG, sinon celle du système).</translation>
    </message>
</context>
<context>
    <name>gatehouse::net::PortManager</name>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>strict mode: nothing changed because %1</source>
        <translation>mode strict : rien n&apos;a changé car %1</translation>
    </message>
    <message>
        <source>%1 is not bound yet</source>
        <translation>%1 n&apos;est pas encore lié</translation>
    </message>
    <message>
        <source>no ACME challenge port can be bound: %1</source>
        <translation>aucun port de challenge ACME ne peut être lié : %1</translation>
    </message>
    <message>
        <source>internal error: %1 (wanted by %2) overlaps this process&apos;s own listener %3 (used by %4); use one bind address for both</source>
        <translation>erreur interne : %1 (voulu par %2) chevauche l&apos;écouteur %3 de ce processus (utilisé par %4) ; utilisez une seule adresse de liaison pour les deux</translation>
    </message>
    <message>
        <source>internal error: %1 (wanted by %2) is held by this process outside the port manager (pid %3)</source>
        <translation>erreur interne : %1 (voulu par %2) est détenu par ce processus en dehors du gestionnaire de ports (pid %3)</translation>
    </message>
    <message>
        <source>%1 is in use by %2; stop it or change the port of %3. Gatehouse binds it as soon as it is free</source>
        <translation>%1 est utilisé par %2 ; arrêtez-le ou changez le port de %3. Gatehouse le lie dès qu&apos;il est libre</translation>
    </message>
    <message>
        <source>another process (the OS did not say which; running as root shows other users&apos; processes)</source>
        <translation>un autre processus (le système ne dit pas lequel ; lancé en root, on voit les processus des autres utilisateurs)</translation>
    </message>
    <message>
        <source>%1: access denied: Windows reserves this port (netsh interface ipv4 show excludedportrange protocol=tcp) or another program holds it exclusively; choose another port</source>
        <translation>%1 : accès refusé : Windows réserve ce port (netsh interface ipv4 show excludedportrange protocol=tcp) ou un autre programme le détient en exclusivité ; choisissez un autre port</translation>
    </message>
    <message>
        <source>%1: permission denied: port %2 is privileged and this process may not bind it. Run Gatehouse as its service (the unit grants CAP_NET_BIND_SERVICE), grant the capability (setcap cap_net_bind_service=+ep %3), or use a port &gt;= 1024</source>
        <translation>%1 : permission refusée : le port %2 est privilégié et ce processus ne peut pas le lier. Lancez Gatehouse comme service (l&apos;unité accorde CAP_NET_BIND_SERVICE), accordez la capacité (setcap cap_net_bind_service=+ep %3) ou utilisez un port &gt;= 1024</translation>
    </message>
    <message>
        <source>%1: address not available: %2 is not an address of this host; set bindAddress to one of its addresses (or 0.0.0.0), or bring the interface up. Retried until the address appears</source>
        <translation>%1 : adresse non disponible : %2 n&apos;est pas une adresse de cet hôte ; réglez bindAddress sur l&apos;une de ses adresses (ou 0.0.0.0), ou activez l&apos;interface. Nouvel essai jusqu&apos;à ce que l&apos;adresse apparaisse</translation>
    </message>
    <message>
        <source>%1: %2; set bindAddress to a numeric address such as 0.0.0.0</source>
        <translation>%1 : %2 ; réglez bindAddress sur une adresse numérique comme 0.0.0.0</translation>
    </message>
    <message>
        <source>%1: bind failed: %2 (error %3)</source>
        <translation>%1 : échec de la liaison : %2 (erreur %3)</translation>
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
        <translation>liste de suites de chiffrement ou de groupes refusée : %1</translation>
    </message>
    <message>
        <source>cannot read certificate file %1: %2</source>
        <translation>impossible de lire le fichier de certificat %1 : %2</translation>
    </message>
    <message>
        <source>cannot read key file %1: %2</source>
        <translation>impossible de lire le fichier de clé %1 : %2</translation>
    </message>
    <message>
        <source>(in-memory certificate)</source>
        <extracomment>stands for a file name when the certificate was handed over in memory (ACME)</extracomment>
        <translation>(certificat en mémoire)</translation>
    </message>
    <message>
        <source>(in-memory key)</source>
        <extracomment>stands for a file name when the private key was handed over in memory (ACME)</extracomment>
        <translation>(clé en mémoire)</translation>
    </message>
    <message>
        <source>no PEM certificate in %1: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>aucun certificat PEM dans %1 : %2</translation>
    </message>
    <message>
        <source>certificate %1 refused: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>certificat %1 refusé : %2</translation>
    </message>
    <message>
        <source>chain certificate in %1 refused: %2</source>
        <extracomment>%1 is a certificate file (or &quot;(in-memory certificate)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>certificat de la chaîne dans %1 refusé : %2</translation>
    </message>
    <message>
        <source>no usable PEM private key in %1 (an encrypted key is not supported): %2</source>
        <extracomment>%1 is a key file (or &quot;(in-memory key)&quot;), %2 OpenSSL&apos;s error text</extracomment>
        <translation>aucune clé privée PEM utilisable dans %1 (les clés chiffrées ne sont pas prises en charge) : %2</translation>
    </message>
    <message>
        <source>key %1 does not match certificate %2: %3</source>
        <extracomment>%1 is a key file, %2 a certificate file (either may be &quot;(in-memory ...)&quot;), %3 OpenSSL&apos;s error text</extracomment>
        <translation>la clé %1 ne correspond pas au certificat %2 : %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::proxy::TlsError</name>
    <message>
        <source>no OpenSSL error reported</source>
        <translation>aucune erreur signalée par OpenSSL</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::DomainPattern</name>
    <message>
        <source>a domain name is at most %1 characters</source>
        <translation>un nom de domaine compte au plus %1 caractères</translation>
    </message>
    <message>
        <source>empty label (two dots in a row, or a dot at the start)</source>
        <translation>label vide (deux points à la suite, ou un point au début)</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; is longer than %2 characters</source>
        <translation>le label &apos;%1&apos; dépasse %2 caractères</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; starts or ends with a hyphen</source>
        <translation>le label &apos;%1&apos; commence ou finit par un trait d&apos;union</translation>
    </message>
    <message>
        <source>a wildcard must be the whole leftmost label, as in *.example.com</source>
        <translation>un joker doit occuper tout le label le plus à gauche, comme dans *.example.com</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; has &apos;%2&apos;; only letters, digits and hyphens are allowed</source>
        <extracomment>%1 is a label (a part between dots) of a domain name, %2 the character not allowed in it.</extracomment>
        <translation>le label &apos;%1&apos; contient &apos;%2&apos; ; seuls les lettres, les chiffres et les traits d&apos;union sont permis</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>domaine vide</translation>
    </message>
    <message>
        <source>remove the trailing dot</source>
        <translation>retirez le point final</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid internationalized domain name</source>
        <translation>&apos;%1&apos; n&apos;est pas un nom de domaine internationalisé valide</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::IpPattern</name>
    <message>
        <source>&apos;%1&apos;: a glob has four octets, as in 192.168.*.*</source>
        <translation>&apos;%1&apos; : un motif glob a quatre octets, comme dans 192.168.*.*</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a * must stand for whole trailing octets, as in 192.168.*.*</source>
        <translation>&apos;%1&apos; : un * doit remplacer des octets entiers en fin d&apos;adresse, comme dans 192.168.*.*</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IPv4 glob</source>
        <translation>&apos;%1&apos; n&apos;est pas un motif glob IPv4 valide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid CIDR (an address, &apos;/&apos;, and a prefix length up to 32 for IPv4 or 128 for IPv6)</source>
        <translation>&apos;%1&apos; n&apos;est pas un CIDR valide (une adresse, &apos;/&apos;, et une longueur de préfixe jusqu&apos;à 32 pour IPv4 ou 128 pour IPv6)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address, CIDR or glob</source>
        <translation>&apos;%1&apos; n&apos;est ni une adresse IP, ni un CIDR, ni un motif glob</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::OverlapAnalysis</name>
    <message>
        <source>routes %1 and &apos;%2&apos; have the same match and the same priority: %1 wins by config order, so &apos;%2&apos; is never selected</source>
        <extracomment>%1 is the first route, as in &quot;&apos;web&apos; (routes[0])&quot;; %2 the name of the route it hides.</extracomment>
        <translation>les routes %1 et &apos;%2&apos; ont la même correspondance et la même priorité : %1 l&apos;emporte par l&apos;ordre dans la configuration, donc &apos;%2&apos; n&apos;est jamais choisie</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and has a higher priority (%3 over %4), so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;; %3 and %4 their priorities.</extracomment>
        <translation>la route &apos;%1&apos; est masquée par la route %2, qui correspond à tout ce à quoi &apos;%1&apos; correspond et a une priorité plus haute (%3 contre %4), donc &apos;%1&apos; n&apos;est jamais choisie</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and is more specific at the same priority, so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;.</extracomment>
        <translation>la route &apos;%1&apos; est masquée par la route %2, qui correspond à tout ce à quoi &apos;%1&apos; correspond et est plus spécifique à priorité égale, donc &apos;%1&apos; n&apos;est jamais choisie</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; is shadowed by route %2, which matches everything &apos;%1&apos; matches and is as specific, at the same priority, and comes first, so &apos;%1&apos; is never selected</source>
        <extracomment>%1 is the hidden route&apos;s name; %2 the route that hides it, as in &quot;&apos;web&apos; (routes[0])&quot;.</extracomment>
        <translation>la route &apos;%1&apos; est masquée par la route %2, qui correspond à tout ce à quoi &apos;%1&apos; correspond, est aussi spécifique à priorité égale et vient en premier, donc &apos;%1&apos; n&apos;est jamais choisie</translation>
    </message>
</context>
<context>
    <name>gatehouse::routing::PathPattern</name>
    <message>
        <source>a path starts with &apos;/&apos;, as in /api/*</source>
        <translation>un chemin commence par &apos;/&apos;, comme dans /api/*</translation>
    </message>
    <message>
        <source>a path has no spaces or control characters</source>
        <translation>un chemin ne contient ni espaces ni caractères de contrôle</translation>
    </message>
    <message>
        <source>a path has no query or fragment (&apos;%1&apos;)</source>
        <extracomment>%1 is the character found: ? or #.</extracomment>
        <translation>un chemin ne contient ni chaîne de requête ni fragment (&apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>gatehouse::service::Service</name>
    <message>
        <source>the config is invalid: %1</source>
        <translation>la configuration n&apos;est pas valide : %1</translation>
    </message>
    <message>
        <source>expected %1</source>
        <extracomment>%1 is the JSON shape of a control method&apos;s parameters, such as {&quot;domain&quot;: NAME}.</extracomment>
        <translation>attendu : %1</translation>
    </message>
    <message>
        <source>control socket: %1</source>
        <extracomment>What gatehoused prints when it cannot listen on its control socket; %1 says why.</extracomment>
        <translation>socket de contrôle : %1</translation>
    </message>
    <message>
        <source>strict apply: nothing changed: %1</source>
        <extracomment>%1 says which ports could not be bound.</extracomment>
        <translation>application stricte : rien n&apos;a changé : %1</translation>
    </message>
</context>
<context>
    <name>gatehoused</name>
    <message>
        <source>%1: 1 error, config rejected</source>
        <translation>%1 : 1 erreur, configuration refusée</translation>
    </message>
    <message>
        <source>%1: %2 errors, config rejected</source>
        <translation>%1 : %2 erreurs, configuration refusée</translation>
    </message>
    <message>
        <source>%1: ok: %2 routes</source>
        <translation>%1 : ok : %2 routes</translation>
    </message>
    <message>
        <source> (%1 disabled)</source>
        <translation> (%1 désactivées)</translation>
    </message>
    <message>
        <source>, no ports</source>
        <translation>, aucun port</translation>
    </message>
    <message>
        <source>, ports %1 on %2</source>
        <translation>, ports %1 sur %2</translation>
    </message>
    <message>
        <source>, 1 warning</source>
        <translation>, 1 avertissement</translation>
    </message>
    <message>
        <source>, %1 warnings</source>
        <translation>, %1 avertissements</translation>
    </message>
    <message>
        <source>Gatehouse service: a reverse proxy with automatic HTTPS.</source>
        <translation>Service Gatehouse : un proxy inverse avec HTTPS automatique.</translation>
    </message>
    <message>
        <source>Config file (default: %1).</source>
        <translation>Fichier de configuration (par défaut : %1).</translation>
    </message>
    <message>
        <source>Validate the config file and exit: 0 when valid, 1 with the errors otherwise.</source>
        <translation>Valider le fichier de configuration et quitter : 0 s&apos;il est valide, 1 avec les erreurs sinon.</translation>
    </message>
    <message>
        <source>Directory for certificates and ACME state (default: %1).</source>
        <translation>Répertoire des certificats et de l&apos;état ACME (par défaut : %1).</translation>
    </message>
    <message>
        <source>Control socket path (default: %1).</source>
        <translation>Chemin du socket de contrôle (par défaut : %1).</translation>
    </message>
    <message>
        <source>debug, info (default), warning or error; per area with QT_LOGGING_RULES, e.g. gatehouse.net.debug=true.</source>
        <translation>debug, info (par défaut), warning ou error ; par domaine avec QT_LOGGING_RULES, p. ex. gatehouse.net.debug=true.</translation>
    </message>
    <message>
        <source>gatehoused: unknown --log-level &apos;%1&apos;; expected debug, info, warning or error</source>
        <translation>gatehoused : --log-level &apos;%1&apos; inconnu ; attendu : debug, info, warning ou error</translation>
    </message>
    <message>
        <source>gatehoused: %1 and %2 cannot be combined</source>
        <translation>gatehoused : %1 et %2 ne peuvent pas être combinés</translation>
    </message>
    <message>
        <source>Print the JSON Schema (draft 2020-12) of the config file and exit, for editors that complete and check config files.</source>
        <translation>Afficher le schéma JSON (draft 2020-12) du fichier de configuration et quitter, pour les éditeurs qui complètent et vérifient les fichiers de configuration.</translation>
    </message>
    <message>
        <source>%1: error: no such file</source>
        <translation>%1 : erreur : fichier introuvable</translation>
    </message>
    <message>
        <source>Run under the Windows service control manager (the installed service&apos;s command line; not for a console).</source>
        <translation>S&apos;exécuter sous le gestionnaire de contrôle des services Windows (la ligne de commande du service installé ; pas pour une console).</translation>
    </message>
    <message>
        <source>Install the Windows service %1 (automatic start, account NT SERVICE\%1, restarted on failure) to run with the --config, --state-dir, --control and --log-level given here, and make the config and state directories private to it. Needs an elevated prompt.</source>
        <translation>Installer le service Windows %1 (démarrage automatique, compte NT SERVICE\%1, redémarré en cas d&apos;échec) pour qu&apos;il s&apos;exécute avec les --config, --state-dir, --control et --log-level donnés ici, et rendre les répertoires de configuration et d&apos;état privés pour lui. Nécessite une invite de commandes en tant qu&apos;administrateur.</translation>
    </message>
    <message>
        <source>Stop and remove the Windows service %1; the config and state stay. Needs an elevated prompt.</source>
        <translation>Arrêter et supprimer le service Windows %1 ; la configuration et l&apos;état restent. Nécessite une invite de commandes en tant qu&apos;administrateur.</translation>
    </message>
    <message>
        <source>Windows services exist only on Windows; on Linux run gatehoused under systemd (Type=notify: it reports READY, reloads on SIGHUP and stops on SIGTERM)</source>
        <translation>Les services Windows n&apos;existent que sous Windows ; sous Linux, exécutez gatehoused sous systemd (Type=notify : il signale READY, se recharge sur SIGHUP et s&apos;arrête sur SIGTERM)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Gatehouse: manage the reverse proxy&apos;s routes, ports and certificates.</source>
        <translation>Gatehouse : gérer les routes, ports et certificats du proxy inverse.</translation>
    </message>
    <message>
        <source>The service&apos;s control socket (default: %1).</source>
        <translation>Le socket de contrôle du service (par défaut : %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANGUE</translation>
    </message>
</context>
</TS>
