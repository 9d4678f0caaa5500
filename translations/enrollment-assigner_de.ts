<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AssignmentTarget</name>
    <message>
        <source>Choose a target: all devices, all users, a group to include or exclude, or a Configuration Manager collection.</source>
        <translation>Wählen Sie ein Ziel: alle Geräte, alle Benutzer, eine ein- oder auszuschließende Gruppe oder eine Configuration Manager-Sammlung.</translation>
    </message>
    <message>
        <source>Pick a group (search by name, or enter its object id).</source>
        <translation>Wählen Sie eine Gruppe (Suche nach Namen oder Eingabe der Objekt-ID).</translation>
    </message>
    <message>
        <source>The group id &apos;%1&apos; is not a GUID (like 3f2a…-…); copy the group&apos;s Object ID from Entra ID.</source>
        <translation>Die Gruppen-ID „%1“ ist keine GUID (wie 3f2a…-…); kopieren Sie die Objekt-ID der Gruppe aus Entra ID.</translation>
    </message>
    <message>
        <source>Enter a Configuration Manager collection id, such as SMS00001.</source>
        <translation>Geben Sie eine Configuration Manager-Sammlungs-ID ein, z. B. SMS00001.</translation>
    </message>
    <message>
        <source>The collection id &apos;%1&apos; is not valid: it has 8 characters, a 3-character site code followed by 5 hexadecimal digits (for example SMS00001 or JAX0002C).</source>
        <translation>Die Sammlungs-ID „%1“ ist ungültig: Sie hat 8 Zeichen, einen 3-stelligen Standortcode gefolgt von 5 Hexadezimalziffern (zum Beispiel SMS00001 oder JAX0002C).</translation>
    </message>
    <message>
        <source>Assignment filters exist only on the beta API; switch to beta or remove the filter.</source>
        <translation>Zuweisungsfilter gibt es nur in der Beta-API; wechseln Sie zu beta oder entfernen Sie den Filter.</translation>
    </message>
    <message>
        <source>The assignment filter id &apos;%1&apos; is not a GUID.</source>
        <translation>Die Zuweisungsfilter-ID „%1“ ist keine GUID.</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>Included group</source>
        <translation>Eingeschlossene Gruppe</translation>
    </message>
    <message>
        <source>Excluded group</source>
        <translation>Ausgeschlossene Gruppe</translation>
    </message>
    <message>
        <source>Configuration Manager collection</source>
        <translation>Configuration Manager-Sammlung</translation>
    </message>
    <message>
        <source>Unknown target</source>
        <translation>Unbekanntes Ziel</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a target. Use all-devices, all-users, group:GROUP_ID, exclude-group:GROUP_ID or collection:COLLECTION_ID.</source>
        <translation>„%1“ ist kein Ziel. Verwenden Sie all-devices, all-users, group:GROUP_ID, exclude-group:GROUP_ID oder collection:COLLECTION_ID.</translation>
    </message>
    <message>
        <source>(filter %1 %2)</source>
        <translation>(Filter %1 %2)</translation>
    </message>
    <message>
        <source>from policy set %1</source>
        <translation>aus Richtliniensatz %1</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <translation>Anderes (%1)</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>the tenant</source>
        <translation>den Mandanten</translation>
    </message>
    <message>
        <source>Service answer: %1%2</source>
        <translation>Antwort des Dienstes: %1%2</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>Trace ID: %1</source>
        <translation>Ablaufverfolgungs-ID: %1</translation>
    </message>
    <message>
        <source>Correlation ID: %1</source>
        <translation>Korrelations-ID: %1</translation>
    </message>
    <message>
        <source>Timestamp: %1</source>
        <translation>Zeitstempel: %1</translation>
    </message>
    <message>
        <source>The sign-in service answered HTTP %1 without an OAuth error; a proxy may have answered instead of the sign-in service.</source>
        <translation>Der Anmeldedienst hat mit HTTP %1 ohne OAuth-Fehler geantwortet; möglicherweise hat ein Proxy statt des Anmeldedienstes geantwortet.</translation>
    </message>
    <message>
        <source>Check the cloud and the sign-in URL, and any proxy between this computer and the sign-in service.</source>
        <translation>Prüfen Sie die Cloud, die Anmelde-URL und jeden Proxy zwischen diesem Computer und dem Anmeldedienst.</translation>
    </message>
    <message>
        <source>Sign in again (browser or device code).</source>
        <translation>Melden Sie sich erneut an (Browser oder Gerätecode).</translation>
    </message>
    <message>
        <source>The app with client id %1 was not found in %2.</source>
        <translation>Die App mit der Client-ID %1 wurde in %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Check the client id, the tenant and the cloud; register the app in this tenant (see the README, &quot;Register the app&quot;) and have an administrator consent to it, or use Microsoft Graph Command Line Tools (client id 14d82eec-204b-4c2f-b7e8-296a70dab67e).</source>
        <translation>Prüfen Sie Client-ID, Mandant und Cloud; registrieren Sie die App in diesem Mandanten (siehe README, „Register the app“) und lassen Sie einen Administrator zustimmen, oder verwenden Sie Microsoft Graph Command Line Tools (Client-ID 14d82eec-204b-4c2f-b7e8-296a70dab67e).</translation>
    </message>
    <message>
        <source>Nobody has consented to the app&apos;s permissions in %1 yet.</source>
        <translation>In %1 hat noch niemand den Berechtigungen der App zugestimmt.</translation>
    </message>
    <message>
        <source>Ask an administrator to grant admin consent (Entra admin center → App registrations → the app → API permissions → Grant admin consent), then sign in again.</source>
        <translation>Bitten Sie einen Administrator, die Administratorzustimmung zu erteilen (Entra Admin Center → App-Registrierungen → die App → API-Berechtigungen → Administratorzustimmung erteilen), und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>This tenant requires multi-factor authentication for this sign-in.</source>
        <translation>Dieser Mandant verlangt für diese Anmeldung eine mehrstufige Authentifizierung.</translation>
    </message>
    <message>
        <source>Sign in again interactively (browser or device code) and complete the MFA prompt.</source>
        <translation>Melden Sie sich erneut interaktiv an (Browser oder Gerätecode) und schließen Sie die MFA-Abfrage ab.</translation>
    </message>
    <message>
        <source>The app is registered as single-tenant, so it cannot sign in through &apos;%1&apos;.</source>
        <translation>Die App ist als Einzelmandanten-App registriert und kann sich daher nicht über „%1“ anmelden.</translation>
    </message>
    <message>
        <source>Set the tenant to the tenant id or its domain (for example contoso.onmicrosoft.com) instead of common or organizations.</source>
        <translation>Geben Sie als Mandanten die Mandanten-ID oder dessen Domäne an (zum Beispiel contoso.onmicrosoft.com) statt common oder organizations.</translation>
    </message>
    <message>
        <source>Public client flows are turned off for this app registration, so it asks for a client secret this app never has.</source>
        <translation>Öffentliche Clientflows sind für diese App-Registrierung deaktiviert; daher wird ein geheimer Clientschlüssel verlangt, den diese App nie besitzt.</translation>
    </message>
    <message>
        <source>In the Entra admin center open App registrations → the app → Authentication and set &quot;Allow public client flows&quot; to Yes (needed for the device code sign-in).</source>
        <translation>Öffnen Sie im Entra Admin Center App-Registrierungen → die App → Authentifizierung und setzen Sie „Öffentliche Clientflows zulassen“ auf Ja (nötig für die Anmeldung per Gerätecode).</translation>
    </message>
    <message>
        <source>The tenant &apos;%1&apos; was not found%2.</source>
        <translation>Der Mandant „%1“ wurde nicht gefunden%2.</translation>
    </message>
    <message>
        <source> in the %1 cloud</source>
        <translation> in der Cloud %1</translation>
    </message>
    <message>
        <source>Check the tenant id or domain and the cloud: GCC High and DoD tenants sign in at login.microsoftonline.us, China at login.chinacloudapi.cn.</source>
        <translation>Prüfen Sie Mandanten-ID oder Domäne und die Cloud: GCC High- und DoD-Mandanten melden sich bei login.microsoftonline.us an, China bei login.chinacloudapi.cn.</translation>
    </message>
    <message>
        <source>A Conditional Access policy blocked this sign-in.</source>
        <translation>Eine Richtlinie für bedingten Zugriff hat diese Anmeldung blockiert.</translation>
    </message>
    <message>
        <source>Ask your administrator which policy applies; the trace id below identifies the attempt.</source>
        <translation>Fragen Sie Ihren Administrator, welche Richtlinie greift; die Ablaufverfolgungs-ID unten kennzeichnet den Versuch.</translation>
    </message>
    <message>
        <source>The sign-in has not been approved yet.</source>
        <translation>Die Anmeldung wurde noch nicht bestätigt.</translation>
    </message>
    <message>
        <source>The sign-in service asked to poll more slowly.</source>
        <translation>Der Anmeldedienst hat gebeten, seltener abzufragen.</translation>
    </message>
    <message>
        <source>The sign-in was declined on the device-code page.</source>
        <translation>Die Anmeldung wurde auf der Gerätecode-Seite abgelehnt.</translation>
    </message>
    <message>
        <source>Start the sign-in again and approve it.</source>
        <translation>Starten Sie die Anmeldung erneut und bestätigen Sie sie.</translation>
    </message>
    <message>
        <source>The device code expired before the sign-in was approved.</source>
        <translation>Der Gerätecode ist abgelaufen, bevor die Anmeldung bestätigt wurde.</translation>
    </message>
    <message>
        <source>Start the sign-in again and enter the new code before it expires.</source>
        <translation>Starten Sie die Anmeldung erneut und geben Sie den neuen Code ein, bevor er abläuft.</translation>
    </message>
    <message>
        <source>The sign-in service did not recognise the device code.</source>
        <translation>Der Anmeldedienst hat den Gerätecode nicht erkannt.</translation>
    </message>
    <message>
        <source>Start the sign-in again.</source>
        <translation>Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled or denied in the browser.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen oder abgelehnt.</translation>
    </message>
    <message>
        <source>Start the sign-in again and accept the permission request.</source>
        <translation>Starten Sie die Anmeldung erneut und akzeptieren Sie die Berechtigungsanfrage.</translation>
    </message>
    <message>
        <source>The app&apos;s permissions need consent in %1.</source>
        <translation>Die Berechtigungen der App benötigen eine Zustimmung in %1.</translation>
    </message>
    <message>
        <source>Ask an administrator to grant admin consent, then sign in again.</source>
        <translation>Bitten Sie einen Administrator, die Administratorzustimmung zu erteilen, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>The sign-in service needs you to sign in interactively.</source>
        <translation>Der Anmeldedienst verlangt eine interaktive Anmeldung.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked (the refresh token is no longer valid).</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde widerrufen (das Aktualisierungstoken ist nicht mehr gültig).</translation>
    </message>
    <message>
        <source>The sign-in service rejected the sign-in code (it may have expired or been used already).</source>
        <translation>Der Anmeldedienst hat den Anmeldecode abgelehnt (er ist möglicherweise abgelaufen oder wurde bereits verwendet).</translation>
    </message>
    <message>
        <source>The sign-in service refused the request: %1</source>
        <translation>Der Anmeldedienst hat die Anforderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Check the app registration, the tenant and the cloud; the trace and correlation ids identify the attempt for support.</source>
        <translation>Prüfen Sie App-Registrierung, Mandant und Cloud; Ablaufverfolgungs- und Korrelations-ID kennzeichnen den Versuch für den Support.</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer this app cannot use: %1.</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die diese App nicht verwenden kann: %1.</translation>
    </message>
    <message>
        <source>Check the cloud and the sign-in URL; a proxy may have answered instead of the sign-in service.</source>
        <translation>Prüfen Sie die Cloud und die Anmelde-URL; möglicherweise hat ein Proxy statt des Anmeldedienstes geantwortet.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>more than 1 MiB</source>
        <translation>mehr als 1 MiB</translation>
    </message>
    <message>
        <source>The sign-in service at %1 did not answer within %2 seconds.</source>
        <translation>Der Anmeldedienst unter %1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Check the network connection and proxy, then try again.</source>
        <translation>Prüfen Sie Netzwerkverbindung und Proxy und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The sign-in service at %1 could not be reached: %2</source>
        <translation>Der Anmeldedienst unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Check the network connection, the proxy and the cloud (each cloud has its own sign-in address).</source>
        <translation>Prüfen Sie Netzwerkverbindung, Proxy und Cloud (jede Cloud hat ihre eigene Anmeldeadresse).</translation>
    </message>
    <message>
        <source>a redirect to %1, which is not followed</source>
        <translation>eine Umleitung zu %1, der nicht gefolgt wird</translation>
    </message>
    <message>
        <source>the token answer is not a JSON object</source>
        <translation>die Tokenantwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the token answer has no access_token</source>
        <translation>die Tokenantwort enthält kein access_token</translation>
    </message>
    <message>
        <source>the token type is &apos;%1&apos;, not Bearer</source>
        <translation>der Tokentyp ist „%1“, nicht Bearer</translation>
    </message>
    <message>
        <source>the device code answer is not a JSON object</source>
        <translation>die Gerätecode-Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the device code answer has no device_code or user_code</source>
        <translation>die Gerätecode-Antwort enthält weder device_code noch user_code</translation>
    </message>
    <message>
        <source>the device code answer has no usable verification_uri</source>
        <translation>die Gerätecode-Antwort enthält keine verwendbare verification_uri</translation>
    </message>
    <message>
        <source>The browser delivered a sign-in answer that belongs to another sign-in attempt (the state does not match). Someone may be trying to slip their sign-in into this app (CSRF), so the sign-in was stopped.</source>
        <translation>Der Browser hat eine Anmeldeantwort geliefert, die zu einem anderen Anmeldeversuch gehört (der state-Wert stimmt nicht überein). Möglicherweise versucht jemand, seine Anmeldung in diese App einzuschleusen (CSRF); die Anmeldung wurde daher gestoppt.</translation>
    </message>
    <message>
        <source>Start the sign-in again, and close other sign-in tabs first.</source>
        <translation>Starten Sie die Anmeldung erneut und schließen Sie vorher andere Anmelde-Tabs.</translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation>Anmeldung gestoppt</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Signed in to Enrollment Assigner</source>
        <translation>Bei Enrollment Assigner angemeldet</translation>
    </message>
    <message>
        <source>You can close this tab and return to Enrollment Assigner.</source>
        <translation>Sie können diesen Tab schließen und zu Enrollment Assigner zurückkehren.</translation>
    </message>
    <message>
        <source>Not a sign-in answer</source>
        <translation>Keine Anmeldeantwort</translation>
    </message>
    <message>
        <source>This address only receives the answer of a sign-in started in Enrollment Assigner.</source>
        <translation>Diese Adresse empfängt nur die Antwort einer in Enrollment Assigner gestarteten Anmeldung.</translation>
    </message>
</context>
<context>
    <name>CopyEnds</name>
    <message>
        <source>The tenant has no configuration %1.</source>
        <translation>Der Mandant hat keine Konfiguration %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration(s) here are of the source&apos;s type and named &apos;%1&apos;; choose the target by hand.</source>
        <translation>
            <numerusform>%n Konfiguration hier hat den Typ der Quelle und heißt &apos;%1&apos;; wählen Sie das Ziel von Hand.</numerusform>
            <numerusform>%n Konfigurationen hier haben den Typ der Quelle und heißen &apos;%1&apos;; wählen Sie das Ziel von Hand.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not of the source&apos;s type (%2): assignments are copied within one type.</source>
        <translation>%1 hat nicht den Typ der Quelle (%2): Zuweisungen werden nur innerhalb eines Typs kopiert.</translation>
    </message>
    <message>
        <source>%1 is a default policy: it takes no assignments.</source>
        <translation>%1 ist eine Standardrichtlinie: Sie nimmt keine Zuweisungen an.</translation>
    </message>
</context>
<context>
    <name>CopyPlan</name>
    <message>
        <source>its assignment filter %1 belongs to the source tenant; add the filter by hand</source>
        <translation>ihr Zuweisungsfilter %1 gehört zum Quellmandanten; fügen Sie den Filter von Hand hinzu</translation>
    </message>
    <message>
        <source>Configuration Manager collection ids belong to their site; add it by hand</source>
        <translation>Configuration Manager-Sammlungs-IDs gehören zu ihrem Standort; fügen Sie sie von Hand hinzu</translation>
    </message>
    <message>
        <source>its group has no match in the target tenant</source>
        <translation>ihre Gruppe hat keine Entsprechung im Zielmandanten</translation>
    </message>
    <message>
        <source>expected SOURCE_GROUP_ID,TARGET_GROUP_ID (two group object ids), found &apos;%1&apos;</source>
        <translation>erwartet SOURCE_GROUP_ID,TARGET_GROUP_ID (zwei Gruppen-Objekt-IDs), gefunden „%1“</translation>
    </message>
    <message>
        <source>group %1 is mapped twice</source>
        <translation>Gruppe %1 ist zweimal zugeordnet</translation>
    </message>
</context>
<context>
    <name>CopyRequest</name>
    <message>
        <source>Within one tenant, choose the configuration to copy to.</source>
        <translation>Innerhalb eines Mandanten wählen Sie die Konfiguration, in die kopiert wird.</translation>
    </message>
    <message>
        <source>The source and the target are the same configuration; nothing to copy.</source>
        <translation>Quelle und Ziel sind dieselbe Konfiguration; es gibt nichts zu kopieren.</translation>
    </message>
    <message>
        <source>The export has no configuration %1.</source>
        <translation>Der Export enthält keine Konfiguration %1.</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Deleted group</source>
        <translation>Gelöschte Gruppe</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Policy set</source>
        <translation>Richtliniensatz</translation>
    </message>
    <message>
        <source>Windows 10 and later</source>
        <translation>Windows 10 und höher</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>iOS/iPadOS</source>
        <translation>iOS/iPadOS</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Android Enterprise</source>
        <translation>Android Enterprise</translation>
    </message>
    <message>
        <source>Android Ent.</source>
        <translation>Android Ent.</translation>
    </message>
    <message>
        <source>Android device administrator</source>
        <translation>Android-Geräteadministrator</translation>
    </message>
    <message>
        <source>Android DA</source>
        <translation>Android DA</translation>
    </message>
    <message>
        <source>Android (AOSP)</source>
        <translation>Android (AOSP)</translation>
    </message>
    <message>
        <source>AOSP</source>
        <translation>AOSP</translation>
    </message>
    <message>
        <source>Include: %1</source>
        <translation>Einschließen: %1</translation>
    </message>
    <message>
        <source>Exclude: %1</source>
        <translation>Ausschließen: %1</translation>
    </message>
    <message>
        <source>%1 (a deleted group)</source>
        <translation>%1 (eine gelöschte Gruppe)</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>all devices</source>
        <translation>alle Geräte</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>the included group %1</source>
        <translation>die eingeschlossene Gruppe %1</translation>
    </message>
    <message>
        <source>the excluded group %1</source>
        <translation>die ausgeschlossene Gruppe %1</translation>
    </message>
    <message>
        <source>the Configuration Manager collection %1</source>
        <translation>die Configuration Manager-Sammlung %1</translation>
    </message>
    <message>
        <source>an unknown target</source>
        <translation>ein unbekanntes Ziel</translation>
    </message>
</context>
<context>
    <name>EffectiveConfiguration</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Windows Hello for Business applies only its tenant-wide default at enrollment; other policies of this type that target the principal do not decide it.</source>
        <translation>Windows Hello for Business wendet bei der Registrierung nur seine mandantenweite Standardrichtlinie an; andere Richtlinien dieses Typs, die auf den Prinzipal zielen, entscheiden es nicht.</translation>
    </message>
    <message>
        <source>Priority tie: “%1” and %2 share priority %3. Which one Intune applies is not documented; the one with the lowest id is shown as the winner. Give them different priorities.</source>
        <translation>Gleiche Priorität: „%1“ und %2 haben beide Priorität %3. Welche Intune anwendet, ist nicht dokumentiert; die mit der kleinsten ID wird als Gewinner gezeigt. Geben Sie ihnen unterschiedliche Prioritäten.</translation>
    </message>
    <message>
        <source>The winner applies only if its condition holds at enrollment (a filter is evaluated on the device); otherwise the next one down applies.</source>
        <translation>Der Gewinner gilt nur, wenn seine Bedingung bei der Registrierung erfüllt ist (ein Filter wird auf dem Gerät ausgewertet); andernfalls gilt der nächste darunter.</translation>
    </message>
    <message>
        <source>Enrollment restrictions apply to users: userless enrollment (Autopilot self-deploying and pre-provisioning, bulk enrollment) gets only the default.</source>
        <translation>Registrierungsbeschränkungen gelten für Benutzer: Registrierungen ohne Benutzer (Autopilot-Selbstbereitstellung und Vorabbereitstellung, Massenregistrierung) erhalten nur die Standardrichtlinie.</translation>
    </message>
    <message>
        <source>A profile that targets the device wins over one that targets the user; pre-provisioning and self-deploying use device-targeted profiles only. Groups the device itself is in are not known here.</source>
        <translation>Ein Profil, das auf das Gerät zielt, hat Vorrang vor einem, das auf den Benutzer zielt; Vorabbereitstellung und Selbstbereitstellung verwenden nur gerätebezogene Profile. Die Gruppen des Geräts selbst sind hier nicht bekannt.</translation>
    </message>
</context>
<context>
    <name>EffectiveMatch</name>
    <message>
        <source>all users</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>all devices</source>
        <translation>alle Geräte</translation>
    </message>
    <message>
        <source>the default (applies to everyone else)</source>
        <translation>die Standardrichtlinie (gilt für alle anderen)</translation>
    </message>
    <message>
        <source>Configuration Manager collection %1 (membership not known here)</source>
        <translation>Configuration Manager-Sammlung %1 (Mitgliedschaft hier nicht bekannt)</translation>
    </message>
    <message>
        <source>group “%1” (a member, directly or through a nested group)</source>
        <translation>Gruppe „%1“ (Mitglied, direkt oder über eine verschachtelte Gruppe)</translation>
    </message>
    <message>
        <source>group “%1” (directly)</source>
        <translation>Gruppe „%1“ (direkt)</translation>
    </message>
    <message>
        <source>group “%1” (through %2)</source>
        <translation>Gruppe „%1“ (über %2)</translation>
    </message>
    <message>
        <source>– depends on filter %1 (exclude mode)</source>
        <translation>– hängt von Filter %1 ab (Ausschlussmodus)</translation>
    </message>
    <message>
        <source>– depends on filter %1</source>
        <translation>– hängt von Filter %1 ab</translation>
    </message>
</context>
<context>
    <name>EnrollmentConfiguration</name>
    <message>
        <source>Device limit</source>
        <translation>Gerätelimitbeschränkung</translation>
    </message>
    <message>
        <source>Platform restrictions</source>
        <translation>Geräteplattformbeschränkungen</translation>
    </message>
    <message>
        <source>Platform restriction (single platform)</source>
        <translation>Geräteplattformbeschränkung (eine Plattform)</translation>
    </message>
    <message>
        <source>Windows Hello for Business</source>
        <translation>Windows Hello for Business</translation>
    </message>
    <message>
        <source>Enrollment Status Page</source>
        <translation>Seite zum Registrierungsstatus</translation>
    </message>
    <message>
        <source>Co-management authority</source>
        <translation>Co-Verwaltungsautorität</translation>
    </message>
    <message>
        <source>Enrollment notifications</source>
        <translation>Registrierungsbenachrichtigungen</translation>
    </message>
    <message>
        <source>Windows restore</source>
        <translation>Windows-Wiederherstellung</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>Unbekannter Typ</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <translation>Andere (%1)</translation>
    </message>
    <message>
        <source>This is a default policy: it applies to all users and all devices at the lowest priority and cannot take assignments. Create a new policy to target specific groups.</source>
        <translation>Dies ist eine Standardrichtlinie: Sie gilt mit der niedrigsten Priorität für alle Benutzer und alle Geräte und kann keine Zuweisungen erhalten. Erstellen Sie eine neue Richtlinie, um bestimmte Gruppen anzusprechen.</translation>
    </message>
    <message>
        <source>Windows Hello for Business enrollment settings apply tenant-wide; assignments here only affect which users the policy targets at enrollment.</source>
        <translation>Die Registrierungseinstellungen für Windows Hello for Business gelten mandantenweit; Zuweisungen hier bestimmen nur, auf welche Benutzer die Richtlinie bei der Registrierung zielt.</translation>
    </message>
    <message>
        <source>Enrollment restrictions apply to users: assign them to user groups. Userless enrollment gets the default policy. A lower priority number wins.</source>
        <translation>Registrierungsbeschränkungen gelten für Benutzer: Weisen Sie sie Benutzergruppen zu. Registrierungen ohne Benutzer erhalten die Standardrichtlinie. Die niedrigere Prioritätszahl gewinnt.</translation>
    </message>
    <message>
        <source>Enrollment notifications do not support excluding groups.</source>
        <translation>Registrierungsbenachrichtigungen unterstützen keine ausgeschlossenen Gruppen.</translation>
    </message>
    <message>
        <source>Intune accepts Enrollment Status Page assignments only as a full list: the app reads the existing assignments and sends them together with the new one.</source>
        <translation>Intune akzeptiert Zuweisungen der Seite zum Registrierungsstatus nur als vollständige Liste: Die App liest die vorhandenen Zuweisungen und sendet sie zusammen mit der neuen.</translation>
    </message>
</context>
<context>
    <name>GraphError</name>
    <message>
        <source>The service answered HTTP %1 without an explanation.</source>
        <translation>Der Dienst hat mit HTTP %1 ohne Erklärung geantwortet.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Unexpected response (HTTP %1)</source>
        <translation>Unerwartete Antwort (HTTP %1)</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Graph error code: %1</source>
        <translation>Graph-Fehlercode: %1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>Service message: %1</source>
        <translation>Meldung des Dienstes: %1</translation>
    </message>
    <message>
        <source>request-id: %1</source>
        <translation>request-id: %1</translation>
    </message>
    <message>
        <source>client-request-id: %1</source>
        <translation>client-request-id: %1</translation>
    </message>
    <message>
        <source>Intune activity id: %1</source>
        <translation>Intune-Aktivitäts-ID: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>x-ms-ags-diagnostic: %1</source>
        <translation>x-ms-ags-diagnostic: %1</translation>
    </message>
    <message>
        <source>A proxy or gateway answered instead of Microsoft Graph (its page says “%1”).</source>
        <translation>Ein Proxy oder Gateway hat statt Microsoft Graph geantwortet (seine Seite sagt „%1“).</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>kein Titel</translation>
    </message>
    <message>
        <source>The page that came back: %1</source>
        <translation>Die zurückgegebene Seite: %1</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
</context>
<context>
    <name>GroupReport</name>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>“%1” (priority %2) through %3</source>
        <translation>„%1“ (Priorität %2) über %3</translation>
    </message>
    <message>
        <source>the default “%1”: nothing else of this type targets the group</source>
        <translation>der Standard „%1“: Nichts anderes dieses Typs zielt auf die Gruppe</translation>
    </message>
    <message>
        <source>nothing of this type (none targets the group and the tenant lists no default)</source>
        <translation>nichts dieses Typs (keine zielt auf die Gruppe, und der Mandant führt keinen Standard)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Configuration id</source>
        <translation>Konfigurations-ID</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Absicht</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Group id</source>
        <translation>Gruppen-ID</translation>
    </message>
    <message>
        <source>Reaches the group</source>
        <translation>Erreicht die Gruppe</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter id</source>
        <translation>Filter-ID</translation>
    </message>
    <message>
        <source>Filter mode</source>
        <translation>Filtermodus</translation>
    </message>
    <message>
        <source>For the members</source>
        <translation>Für die Mitglieder</translation>
    </message>
    <message>
        <source>Assignment id</source>
        <translation>Zuweisungs-ID</translation>
    </message>
    <message>
        <source>Enrollment configurations for group %1</source>
        <translation>Registrierungskonfigurationen für die Gruppe %1</translation>
    </message>
    <message>
        <source>en</source>
        <comment>HTML language code of the report</comment>
        <translation>de</translation>
    </message>
    <message>
        <source>(name not known)</source>
        <translation>(Name unbekannt)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Nested in</source>
        <translation>Verschachtelt in</translation>
    </message>
    <message>
        <source>no other group</source>
        <translation>keiner anderen Gruppe</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n enrollment configuration(s) with their assignments</source>
        <translation>
            <numerusform>%n Registrierungskonfiguration mit ihren Zuweisungen</numerusform>
            <numerusform>%n Registrierungskonfigurationen mit ihren Zuweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>What the members get, per type</source>
        <translation>Was die Mitglieder erhalten, je Typ</translation>
    </message>
    <message>
        <source>Gets</source>
        <translation>Erhält</translation>
    </message>
    <message>
        <source>Assignments that include or exclude the group or a parent group</source>
        <translation>Zuweisungen, die die Gruppe oder eine übergeordnete Gruppe ein- oder ausschließen</translation>
    </message>
    <message>
        <source>No enrollment configuration names the group or a group it is nested in.</source>
        <translation>Keine Registrierungskonfiguration nennt die Gruppe oder eine Gruppe, in der sie verschachtelt ist.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Made by Enrollment Assigner from Microsoft Graph reads; nothing was changed.</source>
        <translation>Erstellt von Enrollment Assigner aus Lesevorgängen in Microsoft Graph; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>GroupReportRow</name>
    <message>
        <source>Exclude</source>
        <translation>Ausschließen</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Einschließen</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>through parent group “%1”</source>
        <translation>über die übergeordnete Gruppe „%1“</translation>
    </message>
    <message>
        <source>%1 (exclude)</source>
        <translation>%1 (ausschließen)</translation>
    </message>
    <message>
        <source>%1 (include)</source>
        <translation>%1 (einschließen)</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Gewinnt</translation>
    </message>
    <message>
        <source>Tied with the winner</source>
        <translation>Gleichauf mit dem Gewinner</translation>
    </message>
    <message>
        <source>Outranked</source>
        <translation>Nachrangig</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>Gilt nicht</translation>
    </message>
</context>
<context>
    <name>InputFile</name>
    <message>
        <source>The group map</source>
        <translation>Die Gruppenzuordnung</translation>
    </message>
    <message>
        <source>%1 %2 cannot be read: %3</source>
        <translation>%1 %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 %2 is larger than %3 MB; is it the right file?</source>
        <translation>%1 %2 ist größer als %3 MB; ist es die richtige Datei?</translation>
    </message>
    <message>
        <source>The export</source>
        <translation>Der Export</translation>
    </message>
    <message>
        <source>%1 is not an export of this app: %2</source>
        <translation>%1 ist kein Export dieser App: %2</translation>
    </message>
</context>
<context>
    <name>NotSignedInPage</name>
    <message>
        <source>&lt;h2&gt;Not signed in&lt;/h2&gt;&lt;p&gt;Use the &lt;b&gt;Account&lt;/b&gt; menu to sign in to a tenant, paste an access token, or explore the sandbox tenant.&lt;/p&gt;&lt;p&gt;From the command line: &lt;code&gt;--sandbox&lt;/code&gt; opens the sandbox tenant; &lt;code&gt;GRAPH_ACCESS_TOKEN&lt;/code&gt; supplies a token.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Nicht angemeldet&lt;/h2&gt;&lt;p&gt;Verwenden Sie das Menü &lt;b&gt;Konto&lt;/b&gt;, um sich bei einem Mandanten anzumelden, ein Zugriffstoken einzufügen oder den Sandbox-Mandanten zu erkunden.&lt;/p&gt;&lt;p&gt;Über die Befehlszeile: &lt;code&gt;--sandbox&lt;/code&gt; öffnet den Sandbox-Mandanten; &lt;code&gt;GRAPH_ACCESS_TOKEN&lt;/code&gt; liefert ein Token.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlanFile</name>
    <message>
        <source>a quoted field is never closed</source>
        <translation>ein Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>text after a closing quote</source>
        <translation>Text nach einem schließenden Anführungszeichen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The plan is not UTF-8 text.</source>
        <translation>Der Plan ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>The plan is empty: it needs the header %1 and one row per change.</source>
        <translation>Der Plan ist leer: Er braucht die Kopfzeile %1 und eine Zeile je Änderung.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a column of a plan (configuration, action, target, filter, filterMode)</source>
        <translation>„%1“ ist keine Spalte eines Plans (configuration, action, target, filter, filterMode)</translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; appears twice</source>
        <translation>die Spalte „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>the header has no &apos;%1&apos; column</source>
        <translation>der Kopfzeile fehlt die Spalte „%1“</translation>
    </message>
    <message>
        <source>a plan has at most %1 rows</source>
        <translation>ein Plan hat höchstens %1 Zeilen</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 Felder, wo die Kopfzeile %2 hat</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an enrollment configuration id</source>
        <translation>„%1“ ist keine ID einer Registrierungskonfiguration</translation>
    </message>
    <message>
        <source>action &apos;%1&apos; is not add or remove</source>
        <translation>die Aktion „%1“ ist weder add noch remove</translation>
    </message>
    <message>
        <source>filter mode &apos;%1&apos; is not include or exclude</source>
        <translation>der Filtermodus „%1“ ist weder include noch exclude</translation>
    </message>
    <message>
        <source>a filter mode without a filter id</source>
        <translation>ein Filtermodus ohne Filter-ID</translation>
    </message>
    <message>
        <source>the filter id &apos;%1&apos; is not a GUID</source>
        <translation>die Filter-ID „%1“ ist keine GUID</translation>
    </message>
    <message>
        <source>The plan has a header but no rows.</source>
        <translation>Der Plan hat eine Kopfzeile, aber keine Zeilen.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>it comes from policy set %1, which manages it; assign the policy set instead</source>
        <translation>sie stammt aus dem Richtliniensatz %1, der sie verwaltet; weisen Sie stattdessen den Richtliniensatz zu</translation>
    </message>
    <message>
        <source>its target was empty when read; no row can recreate it</source>
        <translation>ihr Ziel war beim Lesen leer; keine Zeile kann sie neu anlegen</translation>
    </message>
    <message>
        <source>its target type %1 is one this app does not model; add it in the Intune admin center</source>
        <translation>ihren Zieltyp %1 kennt diese App nicht; fügen Sie sie im Intune Admin Center hinzu</translation>
    </message>
    <message>
        <source>its filter %1 has the mode &apos;%2&apos;, which is neither include nor exclude</source>
        <translation>ihr Filter %1 hat den Modus „%2“, weder include noch exclude</translation>
    </message>
    <message>
        <source>it has properties a row cannot carry (%1); restore sends it back as exported</source>
        <translation>sie hat Eigenschaften, die eine Zeile nicht tragen kann (%1); restore sendet sie wie exportiert zurück</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>the configuration %1: &apos;%2&apos; is not an enrollment configuration id</source>
        <translation>die Konfiguration %1: „%2“ ist keine ID einer Registrierungskonfiguration</translation>
    </message>
    <message>
        <source>assignment %1 of %2</source>
        <translation>Zuweisung %1 von %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>a default configuration takes no assignments (Intune keeps its own)</source>
        <translation>eine Standardkonfiguration nimmt keine Zuweisungen an (Intune verwaltet ihre eigenen)</translation>
    </message>
    <message>
        <source>the same target and filter as assignment %1; one row adds it once</source>
        <translation>dasselbe Ziel und derselbe Filter wie Zuweisung %1; eine Zeile fügt es einmal hinzu</translation>
    </message>
    <message numerus="yes">
        <source>The export holds no assignment a plan can add (%n left out, listed).</source>
        <translation>
            <numerusform>Der Export enthält keine Zuweisung, die ein Plan hinzufügen kann (%n ausgelassen, aufgeführt).</numerusform>
            <numerusform>Der Export enthält keine Zuweisung, die ein Plan hinzufügen kann (%n ausgelassen, aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <source>another row</source>
        <translation>einer anderen Zeile</translation>
    </message>
    <message>
        <source>the same change as %1</source>
        <translation>dieselbe Änderung wie %1</translation>
    </message>
    <message>
        <source>conflicts with %1, which adds the same target to the same configuration</source>
        <translation>widerspricht %1, die dasselbe Ziel derselben Konfiguration hinzufügt</translation>
    </message>
    <message>
        <source>conflicts with %1, which removes the same target from the same configuration</source>
        <translation>widerspricht %1, die dasselbe Ziel aus derselben Konfiguration entfernt</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Der Plan</translation>
    </message>
</context>
<context>
    <name>PriorityOrder</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RestorePlan</name>
    <message numerus="yes">
        <source>%n configuration(s) in the file: %1 to replace, %2 unchanged</source>
        <translation>
            <numerusform>%n Konfiguration in der Datei: %1 zu ersetzen, %2 unverändert</numerusform>
            <numerusform>%n Konfigurationen in der Datei: %1 zu ersetzen, %2 unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not in the tenant (left out)</source>
        <translation>
            <numerusform>; %n nicht im Mandanten (ausgelassen)</numerusform>
            <numerusform>; %n nicht im Mandanten (ausgelassen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n default(s) that differ (Intune takes no changes to a default&apos;s assignments; left out)</source>
        <translation>
            <numerusform>; %n abweichende Standardkonfiguration (Intune nimmt keine Änderungen an den Zuweisungen einer Standardkonfiguration an; ausgelassen)</numerusform>
            <numerusform>; %n abweichende Standardkonfigurationen (Intune nimmt keine Änderungen an den Zuweisungen einer Standardkonfiguration an; ausgelassen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n with an entry whose target was empty when exported (sending it would break it; left out)</source>
        <translation>
            <numerusform>; %n mit einem Eintrag, dessen Ziel beim Export leer war (Senden würde ihn beschädigen; ausgelassen)</numerusform>
            <numerusform>; %n mit einem Eintrag, dessen Ziel beim Export leer war (Senden würde ihn beschädigen; ausgelassen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenantExport</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at byte %2.</source>
        <translation>Die Datei ist kein gültiges JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <source>The file is not an Enrollment Assigner export: its top level is %1, not an object.</source>
        <translation>Die Datei ist kein Export von Enrollment Assigner: Ihre oberste Ebene ist %1, kein Objekt.</translation>
    </message>
    <message>
        <source>The file is not an Enrollment Assigner export: &quot;format&quot; is %1, expected &quot;%2&quot;.</source>
        <translation>Die Datei ist kein Export von Enrollment Assigner: „format“ ist %1, erwartet wird „%2“.</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1; it is %1.</source>
        <translation>„version“ muss eine ganze Zahl ab 1 sein; es ist %1.</translation>
    </message>
    <message>
        <source>The export is version %1, written by a newer Enrollment Assigner; this one reads version %2.</source>
        <translation>Der Export hat Version %1 und wurde von einem neueren Enrollment Assigner geschrieben; dieser liest Version %2.</translation>
    </message>
    <message>
        <source>&quot;exportedAt&quot; must be a date and time (ISO 8601), such as 2026-12-03T10:00:00Z.</source>
        <translation>„exportedAt“ muss Datum und Uhrzeit sein (ISO 8601), etwa 2026-12-03T10:00:00Z.</translation>
    </message>
    <message>
        <source>&quot;tenant&quot; must be a string; it is %1.</source>
        <translation>„tenant“ muss eine Zeichenkette sein; es ist %1.</translation>
    </message>
    <message>
        <source>&quot;graphVersion&quot; must be &quot;beta&quot; (assignments read on v1.0 lack their filters and sources).</source>
        <translation>„graphVersion“ muss „beta“ sein (unter v1.0 gelesenen Zuweisungen fehlen Filter und Quellen).</translation>
    </message>
    <message>
        <source>&quot;configurations&quot; must be an array; it is %1.</source>
        <translation>„configurations“ muss ein Array sein; es ist %1.</translation>
    </message>
    <message>
        <source>%1 must be an object; it is %2.</source>
        <translation>%1 muss ein Objekt sein; es ist %2.</translation>
    </message>
    <message>
        <source>%1 has no &quot;id&quot;.</source>
        <translation>%1 hat keine „id“.</translation>
    </message>
    <message>
        <source>%1: the configuration %2 is in the file twice.</source>
        <translation>%1: Die Konfiguration %2 steht zweimal in der Datei.</translation>
    </message>
    <message>
        <source>%1 (%2) has no &quot;@odata.type&quot;.</source>
        <translation>%1 (%2) hat keinen „@odata.type“.</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;displayName&quot; must be a string; it is %3.</source>
        <translation>%1 (%2): „displayName“ muss eine Zeichenkette sein; es ist %3.</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;priority&quot; must be a whole number from 0; it is %3.</source>
        <translation>%1 (%2): „priority“ muss eine ganze Zahl ab 0 sein; es ist %3.</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;isDefault&quot; must be true or false.</source>
        <translation>%1 (%2): „isDefault“ muss true oder false sein.</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;assignments&quot; must be an array; it is %3.</source>
        <translation>%1 (%2): „assignments“ muss ein Array sein; es ist %3.</translation>
    </message>
    <message>
        <source>%1.assignments[%2] must be an object; it is %3.</source>
        <translation>%1.assignments[%2] muss ein Objekt sein; es ist %3.</translation>
    </message>
    <message>
        <source>&quot;groups&quot; must be an object (group id: name); it is %1.</source>
        <translation>„groups“ muss ein Objekt sein (Gruppen-ID: Name); es ist %1.</translation>
    </message>
    <message>
        <source>groups.%1 must be a name or null; it is %2.</source>
        <translation>groups.%1 muss ein Name oder null sein; es ist %2.</translation>
    </message>
</context>
<context>
    <name>TenantProfile</name>
    <message>
        <source>Give the tenant: its id (a GUID), a verified domain such as contoso.onmicrosoft.com, or &apos;organizations&apos; for a multi-tenant app.</source>
        <translation>Geben Sie den Mandanten an: seine ID (eine GUID), eine verifizierte Domäne wie contoso.onmicrosoft.com oder „organizations“ für eine mehrinstanzenfähige App.</translation>
    </message>
    <message>
        <source>&apos;consumers&apos; signs in personal Microsoft accounts, which Intune does not support; give the tenant id or domain.</source>
        <translation>„consumers“ meldet persönliche Microsoft-Konten an, die Intune nicht unterstützt; geben Sie die Mandanten-ID oder die Domäne an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a tenant id or domain (letters, digits, &apos;-&apos; and &apos;.&apos; only).</source>
        <translation>„%1“ ist weder Mandanten-ID noch Domäne (nur Buchstaben, Ziffern, „-“ und „.“).</translation>
    </message>
    <message>
        <source>Give the client id (application id) of the app registration, or use Microsoft Graph Command Line Tools (%1).</source>
        <translation>Geben Sie die Client-ID (Anwendungs-ID) der App-Registrierung an, oder verwenden Sie Microsoft Graph Command Line Tools (%1).</translation>
    </message>
    <message>
        <source>The client id &apos;%1&apos; is not a GUID; copy the Application (client) ID from the app registration.</source>
        <translation>Die Client-ID „%1“ ist keine GUID; kopieren Sie die Anwendungs-ID (Client-ID) aus der App-Registrierung.</translation>
    </message>
    <message>
        <source>%1 is the Intune PowerShell app, which Microsoft retired in 2024 (sign-ins fail with AADSTS700016). Register your own app or use Microsoft Graph Command Line Tools (%2).</source>
        <translation>%1 ist die Intune PowerShell-App, die Microsoft 2024 eingestellt hat (Anmeldungen scheitern mit AADSTS700016). Registrieren Sie eine eigene App oder verwenden Sie Microsoft Graph Command Line Tools (%2).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a URL; give the sign-in root, e.g. https://login.microsoftonline.com.</source>
        <translation>„%1“ ist keine URL; geben Sie die Anmelde-Stamm-URL an, z. B. https://login.microsoftonline.com.</translation>
    </message>
    <message>
        <source>The sign-in URL must start with https://.</source>
        <translation>Die Anmelde-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Plain http is allowed only for loopback addresses (127.0.0.1, localhost); use https:// for %1 so no code or token travels unencrypted.</source>
        <translation>Unverschlüsseltes http ist nur für Loopback-Adressen (127.0.0.1, localhost) erlaubt; verwenden Sie https:// für %1, damit kein Code und kein Token unverschlüsselt übertragen wird.</translation>
    </message>
    <message>
        <source>The sign-in URL must be only a root (scheme, host, port), without user name, query or fragment.</source>
        <translation>Die Anmelde-URL darf nur aus dem Stamm bestehen (Schema, Host, Port), ohne Benutzername, Abfrage oder Fragment.</translation>
    </message>
    <message>
        <source>Give the sign-in root without a path (the tenant is added): %1://%2.</source>
        <translation>Geben Sie die Anmelde-Stamm-URL ohne Pfad an (der Mandant wird angehängt): %1://%2.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The Graph URL %1 is not the Graph of this profile&apos;s cloud (%2): a signed-in token is only sent there (or to a loopback address for testing). Leave the Graph URL empty.</source>
        <translation>Die Graph-URL %1 ist nicht der Graph der Cloud dieses Profils (%2): Ein Token aus einer Anmeldung wird nur dorthin gesendet (oder zum Testen an eine Loopback-Adresse). Lassen Sie die Graph-URL leer.</translation>
    </message>
</context>
<context>
    <name>TokenClaims</name>
    <message>
        <source>The token&apos;s permissions cannot be read (%1); Graph decides what is allowed.</source>
        <translation>Die Berechtigungen des Tokens können nicht gelesen werden (%1); Graph entscheidet, was erlaubt ist.</translation>
    </message>
    <message>
        <source>Neither DeviceManagementServiceConfig.ReadWrite.All nor DeviceManagementConfiguration.ReadWrite.All is granted: creating or removing an assignment will be refused (403).</source>
        <translation>Weder DeviceManagementServiceConfig.ReadWrite.All noch DeviceManagementConfiguration.ReadWrite.All ist erteilt: Das Erstellen oder Entfernen einer Zuweisung wird abgelehnt (403).</translation>
    </message>
    <message>
        <source>No DeviceManagement…Read.All permission either: even listing the enrollment configurations will be refused.</source>
        <translation>Auch keine DeviceManagement…Read.All-Berechtigung: Schon das Auflisten der Registrierungskonfigurationen wird abgelehnt.</translation>
    </message>
    <message>
        <source>Group.Read.All (or GroupMember.Read.All, Directory.Read.All) is not granted: group search is unavailable; enter a group&apos;s object id instead.</source>
        <translation>Group.Read.All (oder GroupMember.Read.All, Directory.Read.All) ist nicht erteilt: Die Gruppensuche ist nicht verfügbar; geben Sie stattdessen die Objekt-ID einer Gruppe ein.</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>das Token ist leer</translation>
    </message>
    <message>
        <source>the token is longer than %1 KiB</source>
        <translation>das Token ist länger als %1 KiB</translation>
    </message>
    <message>
        <source>it is not a JWT (header.payload.signature); it may be an opaque token</source>
        <translation>es ist kein JWT (header.payload.signature); möglicherweise ist es ein undurchsichtiges Token</translation>
    </message>
    <message>
        <source>the token&apos;s payload is not base64url</source>
        <translation>die Nutzdaten des Tokens sind nicht base64url-codiert</translation>
    </message>
    <message>
        <source>the token&apos;s payload is not a JSON object</source>
        <translation>die Nutzdaten des Tokens sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The access token is empty.</source>
        <translation>Das Zugriffstoken ist leer.</translation>
    </message>
    <message>
        <source>The text is longer than %1 KiB; that is not an access token.</source>
        <translation>Der Text ist länger als %1 KiB; das ist kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>The text is not an access token: it contains spaces, line breaks or non-ASCII characters.</source>
        <translation>Der Text ist kein Zugriffstoken: Er enthält Leerzeichen, Zeilenumbrüche oder Nicht-ASCII-Zeichen.</translation>
    </message>
</context>
<context>
    <name>ea::AssignmentListDiff</name>
    <message>
        <source>Missing: %1.</source>
        <translation>Fehlt: %1.</translation>
    </message>
    <message>
        <source>Not expected (added by someone else?): %1.</source>
        <translation>Nicht erwartet (von jemand anderem hinzugefügt?): %1.</translation>
    </message>
    <message>
        <source>Changed: %1.</source>
        <translation>Geändert: %1.</translation>
    </message>
</context>
<context>
    <name>ea::AssignmentService</name>
    <message>
        <source>Choose an enrollment configuration.</source>
        <translation>Wählen Sie eine Registrierungskonfiguration.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an enrollment configuration id: expected a GUID, optionally followed by &apos;_&apos; and letters or digits (like 0b4f…_DefaultLimit). List them with the &apos;configs&apos; command.</source>
        <translation>„%1“ ist keine ID einer Registrierungskonfiguration: erwartet wird eine GUID, optional gefolgt von „_“ und Buchstaben oder Ziffern (wie 0b4f…_DefaultLimit). Sie werden mit dem Befehl „configs“ aufgelistet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a default policy: it applies to all users and all devices and cannot take assignments. Choose or create a non-default policy.</source>
        <translation>„%1“ ist eine Standardrichtlinie: Sie gilt für alle Benutzer und alle Geräte und kann keine Zuweisungen erhalten. Wählen oder erstellen Sie eine Richtlinie, die keine Standardrichtlinie ist.</translation>
    </message>
    <message>
        <source>Enrollment notifications do not support excluding groups.</source>
        <translation>Registrierungsbenachrichtigungen unterstützen keine ausgeschlossenen Gruppen.</translation>
    </message>
    <message numerus="yes">
        <source>%n existing</source>
        <translation>
            <numerusform>%n vorhandene</numerusform>
            <numerusform>%n vorhandene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n neue</numerusform>
            <numerusform>%n neue</numerusform>
        </translation>
    </message>
    <message>
        <source>This configuration type only accepts the full list of assignments: %1 will be sent, replacing the current list.</source>
        <translation>Dieser Konfigurationstyp akzeptiert nur die vollständige Liste der Zuweisungen: %1 werden gesendet und ersetzen die aktuelle Liste.</translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) will be removed.</source>
        <translation>
            <numerusform>%n Zuweisung wird entfernt.</numerusform>
            <numerusform>%n Zuweisungen werden entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Assignment filters exist only on the beta API; switch to beta to use them.</source>
        <translation>Zuweisungsfilter gibt es nur in der Beta-API; wechseln Sie zu beta, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>Type the start of a group name to search.</source>
        <translation>Geben Sie den Anfang eines Gruppennamens ein, um zu suchen.</translation>
    </message>
    <message>
        <source>The audit journal %1 could not be written (%2), so the write was not sent. Free disk space or fix the folder&apos;s permissions, then try again.</source>
        <translation>Das Überwachungsjournal %1 konnte nicht geschrieben werden (%2), daher wurde der Schreibvorgang nicht gesendet. Geben Sie Speicherplatz frei oder korrigieren Sie die Berechtigungen des Ordners und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) is a default policy: it applies to all users and all devices at the lowest priority and cannot take assignments. Nothing was sent; create a non-default policy to target groups.</source>
        <translation>„%1“ (%2) ist eine Standardrichtlinie: Sie gilt mit der niedrigsten Priorität für alle Benutzer und alle Geräte und kann keine Zuweisungen erhalten. Es wurde nichts gesendet; erstellen Sie eine Richtlinie, die keine Standardrichtlinie ist, um Gruppen anzusprechen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already assigned to this target (assignment %2). Nothing was sent.</source>
        <translation>„%1“ ist diesem Ziel bereits zugewiesen (Zuweisung %2). Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an assignment id; list them with the &apos;assignments&apos; command.</source>
        <translation>„%1“ ist keine Zuweisungs-ID; sie werden mit dem Befehl „assignments“ aufgelistet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no assignment %2 (it may have been removed already). Nothing was sent.</source>
        <translation>„%1“ hat keine Zuweisung %2 (sie wurde möglicherweise bereits entfernt). Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a default policy; its assignments cannot be changed.</source>
        <translation>„%1“ ist eine Standardrichtlinie; ihre Zuweisungen können nicht geändert werden.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was sent.</source>
        <translation>Abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Intune refused the single-assignment route; the full list is needed.</source>
        <translation>Intune hat den Weg über eine einzelne Zuweisung abgelehnt; die vollständige Liste ist nötig.</translation>
    </message>
    <message>
        <source>Created (confirmed by a re-read after: %1)</source>
        <translation>Erstellt (durch erneutes Lesen bestätigt nach: %1)</translation>
    </message>
    <message>
        <source>Deleted (confirmed by a re-read after: %1)</source>
        <translation>Gelöscht (durch erneutes Lesen bestätigt nach: %1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already assigned to this target. Nothing was sent.</source>
        <translation>„%1“ ist diesem Ziel bereits zugewiesen. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Assignment %1 is no longer on &apos;%2&apos;; it was removed in the meantime. Nothing was sent.</source>
        <translation>Die Zuweisung %1 ist nicht mehr an „%2“ vorhanden; sie wurde inzwischen entfernt. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Intune accepts assignments of &apos;%1&apos; only as a full list. %2 Nothing was sent.</source>
        <translation>Intune akzeptiert Zuweisungen von „%1“ nur als vollständige Liste. %2 Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The full list was not sent; nothing changed.</source>
        <translation>Die vollständige Liste wurde nicht gesendet; nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <source>full list of %n</source>
        <translation>
            <numerusform>vollständige Liste mit %n Zuweisung</numerusform>
            <numerusform>vollständige Liste mit %n Zuweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>This group is also excluded from this configuration (assignment %1). Intune accepts both, and the exclusion wins: its members will not get it.</source>
        <translation>Diese Gruppe ist von dieser Konfiguration auch ausgeschlossen (Zuweisung %1). Intune akzeptiert beides, und der Ausschluss hat Vorrang: Ihre Mitglieder erhalten sie nicht.</translation>
    </message>
    <message>
        <source>This group is also included in this configuration (assignment %1). Intune accepts both, and the exclusion wins: its members will no longer get it.</source>
        <translation>Diese Gruppe ist in dieser Konfiguration auch eingeschlossen (Zuweisung %1). Intune akzeptiert beides, und der Ausschluss hat Vorrang: Ihre Mitglieder erhalten sie nicht mehr.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Graph answered HTTP %1 without what a completed write returns.</source>
        <translation>Graph hat mit HTTP %1 geantwortet, aber ohne das, was ein abgeschlossener Schreibvorgang zurückgibt.</translation>
    </message>
    <message>
        <source>Checking whether the write landed…</source>
        <translation>Es wird geprüft, ob der Schreibvorgang angekommen ist…</translation>
    </message>
    <message>
        <source>Cancelled; a read showed the write had not landed, and it was not sent again.</source>
        <translation>Abgebrochen; ein Lesevorgang hat gezeigt, dass der Schreibvorgang nicht angekommen war, und er wurde nicht erneut gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%1; the write did not land; checking again and resending in %n s…</source>
        <translation>
            <numerusform>%1; der Schreibvorgang ist nicht angekommen; erneute Prüfung und erneutes Senden in %n s…</numerusform>
            <numerusform>%1; der Schreibvorgang ist nicht angekommen; erneute Prüfung und erneutes Senden in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Throttled by the service (HTTP 429)</source>
        <translation>Vom Dienst gedrosselt (HTTP 429)</translation>
    </message>
    <message>
        <source>The service is busy (HTTP %1)</source>
        <translation>Der Dienst ist ausgelastet (HTTP %1)</translation>
    </message>
    <message numerus="yes">
        <source>The write&apos;s outcome is not visible yet; looking again in %n s…</source>
        <translation>
            <numerusform>Das Ergebnis des Schreibvorgangs ist noch nicht sichtbar; erneute Prüfung in %n s…</numerusform>
            <numerusform>Das Ergebnis des Schreibvorgangs ist noch nicht sichtbar; erneute Prüfung in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>The answer to the write did not show whether it was applied (%1), and the assignments could not be re-read (%2), so it is unknown whether %3. Reload the assignments before trying again.</source>
        <translation>Die Antwort auf den Schreibvorgang zeigt nicht, ob er ausgeführt wurde (%1), und die Zuweisungen konnten nicht erneut gelesen werden (%2); daher ist unbekannt, ob %3. Laden Sie die Zuweisungen neu, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Not visible at %1: %2 Two reads of the assignments a few seconds apart do not show that %3, but the write may still be on its way. Reload the assignments before trying again.</source>
        <translation>Um %1 nicht sichtbar: %2 Zwei Lesevorgänge der Zuweisungen im Abstand einiger Sekunden zeigen nicht, dass %3, aber der Schreibvorgang kann noch unterwegs sein. Laden Sie die Zuweisungen neu, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Not done: %1 A re-read of the assignments shows it was not applied; try again later.</source>
        <translation>Nicht ausgeführt: %1 Ein erneutes Lesen der Zuweisungen zeigt, dass er nicht ausgeführt wurde; versuchen Sie es später erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Created after %n throttled attempt(s)</source>
        <translation>
            <numerusform>Erstellt nach %n gedrosseltem Versuch</numerusform>
            <numerusform>Erstellt nach %n gedrosselten Versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>the assignment was created</source>
        <translation>die Zuweisung erstellt wurde</translation>
    </message>
    <message>
        <source>assignment %1 was deleted</source>
        <translation>die Zuweisung %1 gelöscht wurde</translation>
    </message>
    <message>
        <source>Assignment %1 of &apos;%2&apos; has an empty target when read back. Sending the full list would delete or break it, so nothing was sent. Check it in the Intune admin center.</source>
        <translation>Die Zuweisung %1 von „%2“ hat beim Lesen ein leeres Ziel. Das Senden der vollständigen Liste würde sie löschen oder beschädigen, daher wurde nichts gesendet. Prüfen Sie sie im Intune Admin Center.</translation>
    </message>
    <message>
        <source>Checking that the assignments did not change since you approved…</source>
        <translation>Es wird geprüft, dass sich die Zuweisungen seit Ihrer Zustimmung nicht geändert haben…</translation>
    </message>
    <message>
        <source>The full list was accepted (HTTP %1).</source>
        <translation>Die vollständige Liste wurde angenommen (HTTP %1).</translation>
    </message>
    <message>
        <source>the list is what was sent</source>
        <translation>die Liste dem Gesendeten entspricht</translation>
    </message>
    <message>
        <source>the full list was applied</source>
        <translation>die vollständige Liste übernommen wurde</translation>
    </message>
    <message>
        <source>The full list was sent, but the list read back afterwards is not what was sent. %1 The list before was: %2</source>
        <translation>Die vollständige Liste wurde gesendet, aber die danach gelesene Liste entspricht nicht dem Gesendeten. %1 Die Liste vorher war: %2</translation>
    </message>
    <message>
        <source>“%1” is already assigned to this target (assignment %2).</source>
        <translation>„%1“ ist diesem Ziel bereits zugewiesen (Zuweisung %2).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a group id: expected the group&apos;s object id (a GUID; find it with &apos;groups&apos;).</source>
        <translation>„%1“ ist keine Gruppen-ID: erwartet wird die Objekt-ID der Gruppe (eine GUID; zu finden mit „groups“).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a user: expected a user principal name (alice@contoso.com) or the user&apos;s object id (a GUID).</source>
        <translation>„%1“ ist kein Benutzer: erwartet wird ein Benutzerprinzipalname (alice@contoso.com) oder die Objekt-ID des Benutzers (eine GUID).</translation>
    </message>
    <message>
        <source>Priority %1 is not a position: priorities start at 1 (1 wins over every other of its type).</source>
        <translation>Priorität %1 ist keine Position: Prioritäten beginnen bei 1 (1 gewinnt gegen jede andere ihres Typs).</translation>
    </message>
    <message>
        <source>Reading the priority order…</source>
        <translation>Reihenfolge der Prioritäten wird gelesen …</translation>
    </message>
    <message>
        <source>The tenant lists no configuration %1 (it may have been deleted). Nothing was sent; list them again.</source>
        <translation>Der Mandant führt keine Konfiguration %1 (sie wurde vielleicht gelöscht). Nichts wurde gesendet; lesen Sie die Liste neu.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) is a default policy: it applies last, to everyone no other policy of its type reaches, and its priority cannot be changed. Nothing was sent; move a non-default policy instead.</source>
        <translation>„%1“ (%2) ist eine Standardrichtlinie: Sie gilt zuletzt, für alle, die keine andere Richtlinie ihres Typs erreicht, und ihre Priorität lässt sich nicht ändern. Nichts wurde gesendet; verschieben Sie stattdessen eine andere Richtlinie.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is of a type without a priority order (%2): Intune applies only the tenant-wide default at enrollment. Nothing was sent.</source>
        <translation>„%1“ ist von einem Typ ohne Prioritätsreihenfolge (%2): Intune wendet bei der Registrierung nur den mandantenweiten Standard an. Nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already has priority %2, and Intune refuses to set the priority a configuration already has. Nothing was sent; give another position (1 to %3).</source>
        <translation>„%1“ hat bereits Priorität %2, und Intune lehnt es ab, einer Konfiguration die Priorität zu geben, die sie schon hat. Nichts wurde gesendet; geben Sie eine andere Position an (1 bis %3).</translation>
    </message>
    <message numerus="yes">
        <source>Priority %1 is out of range: %2 has %n configuration(s) that can be ordered, so the priority is 1 to %n. Nothing was sent.</source>
        <translation>
            <numerusform>Priorität %1 liegt außerhalb des Bereichs: %2 hat %n Konfiguration, die sich ordnen lässt, die Priorität ist also 1 bis %n. Nichts wurde gesendet.</numerusform>
            <numerusform>Priorität %1 liegt außerhalb des Bereichs: %2 hat %n Konfigurationen, die sich ordnen lassen, die Priorität ist also 1 bis %n. Nichts wurde gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The answer to setPriority did not show whether it was applied (%1), and the configuration could not be re-read (%2), so priority %3 may or may not have been applied. It was not sent again. Read the order again before trying again.</source>
        <translation>Die Antwort auf setPriority zeigte nicht, ob die Änderung übernommen wurde (%1), und die Konfiguration ließ sich nicht erneut lesen (%2); Priorität %3 wurde also vielleicht übernommen, vielleicht nicht. Sie wurde nicht erneut gesendet. Lesen Sie die Reihenfolge neu, bevor Sie es noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Not visible at %1: %2 Two reads a few seconds apart do not show priority %3, but the change may still be on its way. It was not sent again. Read the order again before trying again.</source>
        <translation>Um %1 nicht sichtbar: %2 Zwei Lesevorgänge im Abstand einiger Sekunden zeigen Priorität %3 nicht, die Änderung kann aber noch unterwegs sein. Sie wurde nicht erneut gesendet. Lesen Sie die Reihenfolge neu, bevor Sie es noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Not done: %1 A re-read shows the priority was not changed; try again later.</source>
        <translation>Nicht erledigt: %1 Erneutes Lesen zeigt, dass die Priorität nicht geändert wurde; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>The order read afterwards differs from the one planned.</source>
        <translation>Die danach gelesene Reihenfolge weicht von der geplanten ab.</translation>
    </message>
    <message>
        <source>Done, but the order could not be read afterwards: %1</source>
        <translation>Erledigt, aber die Reihenfolge ließ sich danach nicht lesen: %1</translation>
    </message>
    <message>
        <source>Confirmed by a re-read after an answer that did not show it.</source>
        <translation>Bestätigt durch erneutes Lesen nach einer Antwort, die es nicht zeigte.</translation>
    </message>
    <message numerus="yes">
        <source>Set after %n throttled attempt(s).</source>
        <translation>
            <numerusform>Gesetzt nach %n gedrosseltem Versuch.</numerusform>
            <numerusform>Gesetzt nach %n gedrosselten Versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The order of %1 changed since it was shown (someone else may have moved a configuration). Nothing was sent; look at the order as it reads now and arrange it again.</source>
        <translation>Die Reihenfolge von %1 hat sich geändert, seit sie angezeigt wurde (möglicherweise hat jemand anderes eine Konfiguration verschoben). Es wurde nichts gesendet; sehen Sie sich die jetzt gelesene Reihenfolge an und ordnen Sie sie erneut an.</translation>
    </message>
    <message numerus="yes">
        <source>The order asked for is not a rearrangement of the %n configuration(s) of %1 that can be ordered. Nothing was sent.</source>
        <translation>
            <numerusform>Die gewünschte Reihenfolge ist keine Umordnung der %n ordnungsfähigen Konfiguration von %1. Es wurde nichts gesendet.</numerusform>
            <numerusform>Die gewünschte Reihenfolge ist keine Umordnung der %n ordnungsfähigen Konfigurationen von %1. Es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2: moving %3 to priority %4…</source>
        <translation>Schritt %1 von %2: %3 wird auf Priorität %4 verschoben…</translation>
    </message>
    <message numerus="yes">
        <source>Keeping under Intune&apos;s write limit; sending in %n s…</source>
        <translation>
            <numerusform>Intunes Schreiblimit wird eingehalten; Senden in %n s…</numerusform>
            <numerusform>Intunes Schreiblimit wird eingehalten; Senden in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading every configuration with its assignments…</source>
        <translation>Alle Konfigurationen mit ihren Zuweisungen werden gelesen…</translation>
    </message>
    <message>
        <source>Restoring %1 of %2: %3…</source>
        <translation>Wiederherstellung %1 von %2: %3…</translation>
    </message>
    <message>
        <source>Its assignments are no longer the ones the restore plan was made from.</source>
        <translation>Ihre Zuweisungen sind nicht mehr die, aus denen der Wiederherstellungsplan erstellt wurde.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; changed since the restore plan was made, so its list was not sent: %2 Nothing after it was sent; plan the restore again.</source>
        <translation>„%1“ hat sich geändert, seit der Wiederherstellungsplan erstellt wurde, daher wurde ihre Liste nicht gesendet: %2 Danach wurde nichts gesendet; planen Sie die Wiederherstellung erneut.</translation>
    </message>
    <message>
        <source>group %1 had no name in the source tenant (deleted there?), so it cannot be matched</source>
        <translation>Gruppe %1 hatte im Quellmandanten keinen Namen (dort gelöscht?) und kann daher nicht zugeordnet werden</translation>
    </message>
    <message>
        <source>Looking for the group “%1”…</source>
        <translation>Die Gruppe „%1“ wird gesucht…</translation>
    </message>
    <message>
        <source>no group is named “%1” in this tenant</source>
        <translation>in diesem Mandanten heißt keine Gruppe „%1“</translation>
    </message>
    <message>
        <source>more than one group is named “%1” in this tenant; map it in a group map file</source>
        <translation>in diesem Mandanten heißt mehr als eine Gruppe „%1“; ordnen Sie sie in einer Gruppenzuordnungsdatei zu</translation>
    </message>
</context>
<context>
    <name>ea::Cloud</name>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>US Government L4 (GCC High)</source>
        <translation>US Government L4 (GCC High)</translation>
    </message>
    <message>
        <source>US Government L5 (DoD)</source>
        <translation>US Government L5 (DoD)</translation>
    </message>
    <message>
        <source>China (21Vianet)</source>
        <translation>China (21Vianet)</translation>
    </message>
</context>
<context>
    <name>ea::GraphBatch</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The batch answer has no answer for one of its requests.</source>
        <translation>Die Batch-Antwort enthält keine Antwort auf eine ihrer Anforderungen.</translation>
    </message>
</context>
<context>
    <name>ea::GraphCall</name>
    <message>
        <source>The request could not be built: the Graph root or an id in the path is not valid.</source>
        <translation>Die Anforderung konnte nicht erstellt werden: Der Graph-Stamm oder eine ID im Pfad ist ungültig.</translation>
    </message>
    <message>
        <source>Not signed in: there is no access token.</source>
        <translation>Nicht angemeldet: Es gibt kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>Der Aufruf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Refused to send the access token to %1, which is not the configured Graph service (%2).</source>
        <translation>Das Zugriffstoken wurde nicht an %1 gesendet, da dies nicht der konfigurierte Graph-Dienst (%2) ist.</translation>
    </message>
    <message>
        <source>The response is larger than %1 MiB; the app stopped reading it.</source>
        <translation>Die Antwort ist größer als %1 MiB; die App hat das Lesen beendet.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 seconds. The call may or may not have reached the service.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 Sekunden. Der Aufruf hat den Dienst möglicherweise erreicht, möglicherweise auch nicht.</translation>
    </message>
    <message>
        <source>The connection to %1 closed before the service answered.</source>
        <translation>Die Verbindung zu %1 wurde geschlossen, bevor der Dienst geantwortet hat.</translation>
    </message>
    <message>
        <source>The connection broke while the answer (HTTP %1) was arriving: %2</source>
        <translation>Die Verbindung brach ab, während die Antwort (HTTP %1) eintraf: %2</translation>
    </message>
    <message>
        <source>The service redirected the call to %1; the app does not follow redirects with your token.</source>
        <translation>Der Dienst hat den Aufruf nach %1 umgeleitet; die App folgt Umleitungen mit Ihrem Token nicht.</translation>
    </message>
    <message>
        <source>HTTP %1 came back with a body that is not a Graph JSON object (%2); a proxy may have answered instead of Graph.</source>
        <translation>HTTP %1 kam mit einem Inhalt zurück, der kein Graph-JSON-Objekt ist (%2); möglicherweise hat ein Proxy statt Graph geantwortet.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>The list from %1 has more than %2 entries; the app stopped reading it.</source>
        <translation>Die Liste von %1 hat mehr als %2 Einträge; die App hat das Lesen beendet.</translation>
    </message>
    <message>
        <source>The list from %1 has no &quot;value&quot; array.</source>
        <translation>Die Liste von %1 hat kein „value“-Array.</translation>
    </message>
    <message>
        <source>The service sent a next-page link that is not a URL.</source>
        <translation>Der Dienst hat einen Link zur nächsten Seite gesendet, der keine URL ist.</translation>
    </message>
    <message>
        <source>The next-page link points to %1, not to the Graph service (%2); the app refused to follow it with your token.</source>
        <translation>Der Link zur nächsten Seite zeigt auf %1, nicht auf den Graph-Dienst (%2); die App hat sich geweigert, ihm mit Ihrem Token zu folgen.</translation>
    </message>
    <message>
        <source>The service sent a next-page link that was already read (a loop).</source>
        <translation>Der Dienst hat einen Link zur nächsten Seite gesendet, die bereits gelesen wurde (eine Schleife).</translation>
    </message>
    <message>
        <source>The list has more than %1 pages; the app stopped reading.</source>
        <translation>Die Liste hat mehr als %1 Seiten; die App hat das Lesen beendet.</translation>
    </message>
    <message>
        <source>Throttled by the service (HTTP 429)</source>
        <translation>Vom Dienst gedrosselt (HTTP 429)</translation>
    </message>
    <message>
        <source>The service is busy (HTTP %1)</source>
        <translation>Der Dienst ist ausgelastet (HTTP %1)</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 seconds; nothing was sent. Check the network, VPN or proxy.</source>
        <translation>Keine Verbindung zu %1 innerhalb von %2 Sekunden; es wurde nichts gesendet. Prüfen Sie Netzwerk, VPN oder Proxy.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>ea::GraphEndpoint</name>
    <message>
        <source>&apos;%1&apos; is not a URL; give the Graph root, e.g. https://graph.microsoft.com.</source>
        <translation>„%1“ ist keine URL; geben Sie den Graph-Stamm an, z. B. https://graph.microsoft.com.</translation>
    </message>
    <message>
        <source>The Graph URL must start with https://.</source>
        <translation>Die Graph-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Plain http is allowed only for loopback addresses (127.0.0.1, localhost); use https:// for %1 so the token is never sent unencrypted.</source>
        <translation>Unverschlüsseltes http ist nur für Loopback-Adressen (127.0.0.1, localhost) erlaubt; verwenden Sie https:// für %1, damit das Token nie unverschlüsselt gesendet wird.</translation>
    </message>
    <message>
        <source>The Graph URL must be only a root (scheme, host, port), without user name, query or fragment.</source>
        <translation>Die Graph-URL darf nur aus dem Stamm bestehen (Schema, Host, Port), ohne Benutzername, Abfrage oder Fragment.</translation>
    </message>
    <message>
        <source>Give the Graph root without a path (the version is added): %1://%2 instead of %3.</source>
        <translation>Geben Sie den Graph-Stamm ohne Pfad an (die Version wird angehängt): %1://%2 statt %3.</translation>
    </message>
</context>
<context>
    <name>ea::GroupDirectory</name>
    <message>
        <source>The lookup was cancelled.</source>
        <translation>Die Suche wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ea::Operation</name>
    <message>
        <source>%1; retrying in %2 s…</source>
        <translation>%1; neuer Versuch in %2 s…</translation>
    </message>
</context>
<context>
    <name>ea::PlanRunner</name>
    <message>
        <source>full list of %1: %2 to add, %3 to remove</source>
        <translation>vollständige Liste von %1: %2 hinzuzufügen, %3 zu entfernen</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>there is no enrollment configuration %1 in this tenant</source>
        <translation>in diesem Mandanten gibt es keine Registrierungskonfiguration %1</translation>
    </message>
    <message>
        <source>A plan is already running.</source>
        <translation>Es läuft bereits ein Plan.</translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n row(s) that cannot run; nothing was sent.</source>
        <translation>
            <numerusform>Der Plan hat %n Zeile, die nicht ausgeführt werden kann; nichts wurde gesendet.</numerusform>
            <numerusform>Der Plan hat %n Zeilen, die nicht ausgeführt werden können; nichts wurde gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ReportService</name>
    <message>
        <source>Reading every enrollment configuration with its assignments…</source>
        <translation>Alle Registrierungskonfigurationen werden mit ihren Zuweisungen gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Reading the names of %n group(s)…</source>
        <translation>
            <numerusform>Der Name von %n Gruppe wird gelesen…</numerusform>
            <numerusform>Die Namen von %n Gruppen werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>The group names could not be read, so the export has group ids only: %1</source>
        <translation>Die Gruppennamen ließen sich nicht lesen; der Export enthält daher nur Gruppen-IDs: %1</translation>
    </message>
    <message>
        <source>Reading the assignment filters&apos; names…</source>
        <translation>Die Namen der Zuweisungsfilter werden gelesen…</translation>
    </message>
    <message>
        <source>The assignment filters&apos; names could not be read, so filters show by id: %1</source>
        <translation>Die Namen der Zuweisungsfilter ließen sich nicht lesen; Filter erscheinen daher mit ihrer ID: %1</translation>
    </message>
    <message>
        <source>Reading the group&apos;s name…</source>
        <translation>Der Name der Gruppe wird gelesen…</translation>
    </message>
    <message>
        <source>The group&apos;s name could not be read: %1</source>
        <translation>Der Name der Gruppe ließ sich nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>ea::RestorePlan</name>
    <message>
        <source>add %1, remove %2, change %3, keep %4</source>
        <translation>%1 hinzufügen, %2 entfernen, %3 ändern, %4 behalten</translation>
    </message>
</context>
<context>
    <name>ea::StaticTokenProvider</name>
    <message>
        <source>The access token was rejected and cannot be refreshed; supply a new one.</source>
        <translation>Das Zugriffstoken wurde abgelehnt und kann nicht erneuert werden; geben Sie ein neues an.</translation>
    </message>
    <message>
        <source>No access token was supplied.</source>
        <translation>Es wurde kein Zugriffstoken angegeben.</translation>
    </message>
</context>
<context>
    <name>ea::auth::BrowserSignInFlow</name>
    <message numerus="yes">
        <source>No sign-in answer came back from the browser within %n minute(s).</source>
        <translation>
            <numerusform>Innerhalb von %n Minute kam keine Anmeldeantwort vom Browser zurück.</numerusform>
            <numerusform>Innerhalb von %n Minuten kam keine Anmeldeantwort vom Browser zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start the sign-in again, or use the device code sign-in.</source>
        <translation>Starten Sie die Anmeldung erneut oder verwenden Sie die Anmeldung per Gerätecode.</translation>
    </message>
    <message>
        <source>The app could not listen on 127.0.0.1 for the browser&apos;s answer: %1</source>
        <translation>Die App konnte auf 127.0.0.1 nicht auf die Antwort des Browsers warten: %1</translation>
    </message>
    <message>
        <source>Use the device code sign-in instead.</source>
        <translation>Verwenden Sie stattdessen die Anmeldung per Gerätecode.</translation>
    </message>
    <message>
        <source>The sign-in was stopped in Enrollment Assigner.</source>
        <translation>Die Anmeldung wurde in Enrollment Assigner gestoppt.</translation>
    </message>
</context>
<context>
    <name>ea::auth::DeviceCodeFlow</name>
    <message>
        <source>The device code expired before the sign-in was approved.</source>
        <translation>Der Gerätecode ist abgelaufen, bevor die Anmeldung bestätigt wurde.</translation>
    </message>
    <message>
        <source>Start the sign-in again and enter the new code before it expires.</source>
        <translation>Starten Sie die Anmeldung erneut und geben Sie den neuen Code ein, bevor er abläuft.</translation>
    </message>
</context>
<context>
    <name>ea::auth::KeychainTokenStore</name>
    <message>
        <source>no keychain service is available</source>
        <translation>es ist kein Schlüsselbunddienst verfügbar</translation>
    </message>
    <message>
        <source>the keychain denied access: %1</source>
        <translation>der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>Allow Enrollment Assigner to use the keychain, or sign in again each session.</source>
        <translation>Erlauben Sie Enrollment Assigner die Verwendung des Schlüsselbunds, oder melden Sie sich in jeder Sitzung erneut an.</translation>
    </message>
    <message>
        <source>the keychain failed: %1</source>
        <translation>der Schlüsselbund hat einen Fehler gemeldet: %1</translation>
    </message>
</context>
<context>
    <name>ea::auth::SignedInTokenProvider</name>
    <message>
        <source>Not signed in to %1.</source>
        <translation>Nicht bei %1 angemeldet.</translation>
    </message>
    <message>
        <source>The access token for %1 expired or was rejected, and there is no refresh token to renew it.</source>
        <translation>Das Zugriffstoken für %1 ist abgelaufen oder wurde abgelehnt, und es gibt kein Aktualisierungstoken, um es zu erneuern.</translation>
    </message>
    <message>
        <source>Sign in again (browser or device code).</source>
        <translation>Melden Sie sich erneut an (Browser oder Gerätecode).</translation>
    </message>
    <message>
        <source>There is no saved sign-in for %1.</source>
        <translation>Für %1 ist keine Anmeldung gespeichert.</translation>
    </message>
    <message>
        <source>Sign in with the browser or a device code.</source>
        <translation>Melden Sie sich mit dem Browser oder einem Gerätecode an.</translation>
    </message>
    <message>
        <source>No refresh token was issued (offline_access was not granted): sign in again when the access token expires.</source>
        <translation>Es wurde kein Aktualisierungstoken ausgestellt (offline_access wurde nicht erteilt): Melden Sie sich erneut an, wenn das Zugriffstoken abläuft.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
</context>
<context>
    <name>ea::auth::TokenStore</name>
    <message>
        <source>keychain unavailable: the sign-in lasts for this session only</source>
        <translation>Schlüsselbund nicht verfügbar: Die Anmeldung gilt nur für diese Sitzung</translation>
    </message>
    <message>
        <source>The refresh token (%1 bytes) is too large for the keychain.</source>
        <translation>Das Aktualisierungstoken (%1 Bytes) ist zu groß für den Schlüsselbund.</translation>
    </message>
    <message>
        <source>The stored sign-in is incomplete (a part is missing from the keychain).</source>
        <translation>Die gespeicherte Anmeldung ist unvollständig (ein Teil fehlt im Schlüsselbund).</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>the keychain did not store the sign-in (%1): it lasts for this session only</source>
        <translation>der Schlüsselbund hat die Anmeldung nicht gespeichert (%1): Sie gilt nur für diese Sitzung</translation>
    </message>
    <message>
        <source>%1: not the keychain module %2</source>
        <translation>%1: nicht das Schlüsselbund-Modul %2</translation>
    </message>
    <message>
        <source>no place to look for it</source>
        <translation>kein Ort, an dem es zu suchen wäre</translation>
    </message>
    <message>
        <source>the keychain module could not be loaded: %1</source>
        <translation>das Schlüsselbund-Modul konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Reinstall Enrollment Assigner; the keychain module is part of it.</source>
        <translation>Installieren Sie Enrollment Assigner neu; das Schlüsselbund-Modul gehört dazu.</translation>
    </message>
</context>
<context>
    <name>ea::ids</name>
    <message>
        <source>The search text is longer than %1 characters; shorten it.</source>
        <translation>Der Suchtext ist länger als %1 Zeichen; kürzen Sie ihn.</translation>
    </message>
    <message>
        <source>The search text contains a control character; remove it.</source>
        <translation>Der Suchtext enthält ein Steuerzeichen; entfernen Sie es.</translation>
    </message>
</context>
<context>
    <name>ea::net</name>
    <message>
        <source>No proxy address was given. Write it as host:port, for example proxy.contoso.com:8080.</source>
        <translation>Es wurde keine Proxy-Adresse angegeben. Schreiben Sie sie als Host:Port, zum Beispiel proxy.contoso.com:8080.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a proxy address. Write it as host:port, for example proxy.contoso.com:8080.</source>
        <translation>„%1“ ist keine Proxy-Adresse. Schreiben Sie sie als Host:Port, zum Beispiel proxy.contoso.com:8080.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: only HTTP proxies are supported (http://host:port); the connection to Microsoft is encrypted end to end through them.</source>
        <translation>„%1“: Nur HTTP-Proxys werden unterstützt (http://host:port); die Verbindung zu Microsoft ist durch sie hindurch Ende-zu-Ende verschlüsselt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no port. Write the proxy as host:port, for example proxy.contoso.com:8080.</source>
        <translation>„%1“ hat keinen Port. Schreiben Sie den Proxy als Host:Port, zum Beispiel proxy.contoso.com:8080.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a web address, not a proxy. Write the proxy as host:port (a PAC file is used through the system setting).</source>
        <translation>„%1“ ist eine Webadresse, kein Proxy. Schreiben Sie den Proxy als Host:Port (eine PAC-Datei wird über die Systemeinstellung verwendet).</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>subject %1; issuer %2; valid %3 to %4; SHA-256 fingerprint %5</source>
        <translation>Antragsteller %1; Aussteller %2; gültig von %3 bis %4; SHA-256-Fingerabdruck %5</translation>
    </message>
    <message>
        <source>The certificate presented for %1 was issued by “%2”, which this computer does not trust (%3).</source>
        <translation>Das für %1 vorgelegte Zertifikat wurde von „%2“ ausgestellt, dem dieser Computer nicht vertraut (%3).</translation>
    </message>
    <message>
        <source>The certificate presented for %1 was issued by “%2” under “%3”, which this computer does not trust (%4).</source>
        <translation>Das für %1 vorgelegte Zertifikat wurde von „%2“ unter „%3“ ausgestellt, dem dieser Computer nicht vertraut (%4).</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers do not use this authority: a proxy or firewall that inspects TLS traffic answered in their place.</source>
        <translation>Die Server von Microsoft verwenden diese Zertifizierungsstelle nicht: Ein Proxy oder eine Firewall, die TLS-Verkehr untersucht, hat an ihrer Stelle geantwortet.</translation>
    </message>
    <message>
        <source>Ask your IT department to add the organisation&apos;s root certificate (“%1”) to this computer&apos;s trust store (Windows: Trusted Root Certification Authorities; macOS: the System keychain; Linux: update-ca-certificates); the app uses that store. It never turns certificate checks off.</source>
        <translation>Bitten Sie Ihre IT-Abteilung, das Stammzertifikat der Organisation („%1“) in den Zertifikatspeicher dieses Computers aufzunehmen (Windows: Vertrauenswürdige Stammzertifizierungsstellen; macOS: der Schlüsselbund „System“; Linux: update-ca-certificates); die App verwendet diesen Speicher. Sie schaltet die Zertifikatsprüfung nie ab.</translation>
    </message>
    <message>
        <source>The secure connection to %1 was refused: %2.</source>
        <translation>Die sichere Verbindung zu %1 wurde abgelehnt: %2.</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>der TLS-Handshake ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check the computer&apos;s date and time and the network (VPN, proxy); the app never ignores certificate errors.</source>
        <translation>Prüfen Sie Datum und Uhrzeit des Computers und das Netzwerk (VPN, Proxy); die App ignoriert Zertifikatsfehler nie.</translation>
    </message>
    <message>
        <source>The proxy address contains a password. Leave it out: the app asks for it when the proxy wants it (the command line tool reads it from EA_PROXY_PASSWORD, or from standard input with --proxy-password-stdin).</source>
        <translation>Die Proxy-Adresse enthält ein Kennwort. Lassen Sie es weg: Die App fragt danach, wenn der Proxy es verlangt (das Befehlszeilenprogramm liest es aus EA_PROXY_PASSWORD oder mit --proxy-password-stdin von der Standardeingabe).</translation>
    </message>
</context>
<context>
    <name>ea::net::ProxyAccess</name>
    <message>
        <source>The proxy %1 refused the user name or password of %2.</source>
        <translation>Der Proxy %1 hat den Benutzernamen oder das Kennwort von %2 abgelehnt.</translation>
    </message>
    <message>
        <source>The proxy</source>
        <translation>Der Proxy</translation>
    </message>
    <message>
        <source>The proxy %1</source>
        <translation>Der Proxy %1</translation>
    </message>
    <message>
        <source>(set by: %1)</source>
        <translation>(festgelegt durch: %1)</translation>
    </message>
    <message>
        <source>%1%2 asks for a user name and password, and none was given.</source>
        <translation>%1%2 verlangt einen Benutzernamen und ein Kennwort, und es wurden keine angegeben.</translation>
    </message>
    <message>
        <source>Nothing was sent to %1.</source>
        <translation>An %1 wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>%1%2 could not be used: %3. Nothing was sent to %4.</source>
        <translation>%1%2 konnte nicht verwendet werden: %3. An %4 wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Check the proxy setting (Preferences, or --proxy / --no-proxy and the https_proxy and no_proxy variables for the command line) and that the proxy is running.</source>
        <translation>Prüfen Sie die Proxy-Einstellung (Einstellungen, oder --proxy / --no-proxy und die Variablen https_proxy und no_proxy für die Befehlszeile) und ob der Proxy läuft.</translation>
    </message>
    <message>
        <source>Try again to be asked for the proxy&apos;s user name and password; your IT department can tell you which account the proxy accepts.</source>
        <translation>Versuchen Sie es erneut, um nach Benutzernamen und Kennwort des Proxys gefragt zu werden; Ihre IT-Abteilung weiß, welches Konto der Proxy akzeptiert.</translation>
    </message>
    <message>
        <source>The proxy from the system&apos;s settings</source>
        <translation>Der Proxy aus den Systemeinstellungen</translation>
    </message>
</context>
<context>
    <name>ea::ui::AboutDialog</name>
    <message>
        <source>Enrollment Assigner</source>
        <translation>Enrollment Assigner</translation>
    </message>
    <message>
        <source>%1 %2, Qt %3 (built with %4), %5 (%6)</source>
        <translation>%1 %2, Qt %3 (erstellt mit %4), %5 (%6)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Enrollment Assigner&lt;/b&gt;: © 2026 Enrollment Assigner authors. Not yet published under a licence: all rights are reserved.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Qt %1&lt;/b&gt;: GNU Lesser General Public License v3 (LGPLv3), used as shared libraries that you may replace. Source: &lt;a href=&quot;https://download.qt.io/&quot;&gt;download.qt.io&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;QtKeychain&lt;/b&gt; (refresh tokens in the system keychain): BSD 3-Clause License.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Enrollment Assigner&lt;/b&gt;: © 2026 Autoren von Enrollment Assigner. Noch nicht unter einer Lizenz veröffentlicht: Alle Rechte vorbehalten.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Qt %1&lt;/b&gt;: GNU Lesser General Public License v3 (LGPLv3), als austauschbare gemeinsam genutzte Bibliotheken verwendet. Quellcode: &lt;a href=&quot;https://download.qt.io/&quot;&gt;download.qt.io&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;QtKeychain&lt;/b&gt; (Aktualisierungstoken im Schlüsselbund des Systems): BSD 3-Clause License.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Assigns Intune device enrollment configurations through Microsoft Graph.</source>
        <translation>Weist Intune-Registrierungskonfigurationen für Geräte über Microsoft Graph zu.</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)
%3, %4
Platform plugin: %5</source>
        <translation>Qt %1 (erstellt mit Qt %2)
%3, %4
Plattform-Plug-in: %5</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Copy version</source>
        <translation>Version &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the version facts</source>
        <translation>Die Versionsangaben kopieren</translation>
    </message>
    <message>
        <source>For a support request: the app, Qt and platform versions</source>
        <translation>Für eine Supportanfrage: die Versionen von App, Qt und Plattform</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Qt %1&lt;/h3&gt;&lt;p&gt;Enrollment Assigner is built with Qt %2, a C++ toolkit for cross-platform applications.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Qt %1&lt;/h3&gt;&lt;p&gt;Enrollment Assigner wurde mit Qt %2 erstellt, einem C++-Toolkit für plattformübergreifende Anwendungen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is used here under the GNU Lesser General Public License v3 (LGPLv3): the Qt libraries ship as shared libraries that you may replace with your own build.&lt;/p&gt;&lt;p&gt;Qt is a product of The Qt Company Ltd. See &lt;a href=&quot;https://www.qt.io/licensing/&quot;&gt;qt.io/licensing&lt;/a&gt; and &lt;a href=&quot;https://www.qt.io/&quot;&gt;qt.io&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt wird hier unter der GNU Lesser General Public License v3 (LGPLv3) verwendet: Die Qt-Bibliotheken werden als gemeinsam genutzte Bibliotheken ausgeliefert, die Sie durch einen eigenen Build ersetzen dürfen.&lt;/p&gt;&lt;p&gt;Qt ist ein Produkt der The Qt Company Ltd. Siehe &lt;a href=&quot;https://www.qt.io/licensing/&quot;&gt;qt.io/licensing&lt;/a&gt; und &lt;a href=&quot;https://www.qt.io/&quot;&gt;qt.io&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ea::ui::AccessTokenDialog</name>
    <message>
        <source>Use an access token</source>
        <translation>Ein Zugriffstoken verwenden</translation>
    </message>
    <message>
        <source>&lt;p&gt;Paste a Microsoft Graph access token, for example from&lt;br&gt;&lt;code&gt;az account get-access-token --resource https://graph.microsoft.com&lt;/code&gt;&lt;/p&gt;&lt;p&gt;It is kept in memory only, for this session, and cannot be renewed: when it expires, paste a new one or sign in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Fügen Sie ein Microsoft Graph-Zugriffstoken ein, zum Beispiel von&lt;br&gt;&lt;code&gt;az account get-access-token --resource https://graph.microsoft.com&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Es wird nur im Arbeitsspeicher für diese Sitzung gehalten und kann nicht erneuert werden: Wenn es abläuft, fügen Sie ein neues ein oder melden Sie sich an.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>eyJ0eXAiOiJKV1Qi…</source>
        <translation>eyJ0eXAiOiJKV1Qi…</translation>
    </message>
    <message>
        <source>Cloud of the token</source>
        <translation>Cloud des Tokens</translation>
    </message>
    <message>
        <source>What the token says</source>
        <translation>Was das Token angibt</translation>
    </message>
    <message>
        <source>Use this token</source>
        <translation>Dieses Token verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>C&amp;loud:</source>
        <translation>C&amp;loud:</translation>
    </message>
    <message>
        <source>Paste the token above; who it belongs to is shown here.</source>
        <translation>Fügen Sie das Token oben ein; hier wird angezeigt, wem es gehört.</translation>
    </message>
    <message>
        <source>(not in the token)</source>
        <translation>(nicht im Token)</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Account:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tenant id:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;For:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Expires:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Permissions:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Konto:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Mandanten-ID:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Für:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Läuft ab:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Berechtigungen:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>This token has expired; get a new one.</source>
        <translation>Dieses Token ist abgelaufen; besorgen Sie ein neues.</translation>
    </message>
    <message>
        <source>It was not issued for Microsoft Graph (audience %1): Graph will refuse it.</source>
        <translation>Es wurde nicht für Microsoft Graph ausgestellt (Zielgruppe %1): Graph wird es ablehnen.</translation>
    </message>
    <message>
        <source>Its claims cannot be read: %1.</source>
        <translation>Seine Ansprüche können nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Graph decides whether it is accepted; the tenant it writes to cannot be shown.</source>
        <translation>Graph entscheidet, ob es akzeptiert wird; der Mandant, in den es schreibt, kann nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>ea::ui::ApplyPlanDialog</name>
    <message>
        <source>Apply a plan</source>
        <translation>Plan anwenden</translation>
    </message>
    <message>
        <source>No plan chosen.</source>
        <translation>Kein Plan gewählt.</translation>
    </message>
    <message>
        <source>&amp;Choose plan…</source>
        <translation>Plan &amp;wählen…</translation>
    </message>
    <message>
        <source>Choose a plan file.</source>
        <translation>Wählen Sie eine Plandatei.</translation>
    </message>
    <message>
        <source>Changes of the plan, by configuration</source>
        <translation>Änderungen des Plans, nach Konfiguration</translation>
    </message>
    <message>
        <source>Choose a plan</source>
        <translation>Plan wählen</translation>
    </message>
    <message>
        <source>Choose the plan again to finish it: only what is still missing is written.</source>
        <translation>Wählen Sie den Plan erneut, um ihn abzuschließen: Nur was noch fehlt, wird geschrieben.</translation>
    </message>
    <message>
        <source>Fix them and choose the plan again.</source>
        <translation>Beheben Sie sie und wählen Sie den Plan erneut.</translation>
    </message>
    <message>
        <source>A plan is a CSV file with the header configuration,action,target,filter,filterMode and one row per change (add or remove a target, written as in the command line&apos;s assign), or the JSON file an export writes: each of its assignments is added where it is missing, and nothing is removed (File › Restore assignments… does that). Every row is checked and the tenant read before anything is written; running a plan again writes only what is still missing.</source>
        <translation>Ein Plan ist eine CSV-Datei mit der Kopfzeile configuration,action,target,filter,filterMode und einer Zeile je Änderung (ein Ziel hinzufügen oder entfernen, geschrieben wie beim assign der Befehlszeile) oder die JSON-Datei, die ein Export schreibt: Jede ihrer Zuweisungen wird hinzugefügt, wo sie fehlt, und nichts wird entfernt (das tut Datei › Zuweisungen wiederherstellen…). Jede Zeile wird geprüft und der Mandant gelesen, bevor etwas geschrieben wird; ein erneut ausgeführter Plan schreibt nur, was noch fehlt.</translation>
    </message>
    <message>
        <source>Plans (*.csv *.json);;All files (*)</source>
        <translation>Pläne (*.csv *.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ea::ui::AssignmentFilterPicker</name>
    <message>
        <source>&amp;Include matching devices</source>
        <translation>Passende Geräte &amp;einschließen</translation>
    </message>
    <message>
        <source>E&amp;xclude matching devices</source>
        <translation>Passende Geräte a&amp;usschließen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Assignment filter</source>
        <translation>Zuweisungsfilter</translation>
    </message>
    <message>
        <source>Narrows the target to the devices an assignment filter matches (beta API)</source>
        <translation>Beschränkt das Ziel auf die Geräte, auf die ein Zuweisungsfilter zutrifft (Beta-API)</translation>
    </message>
    <message>
        <source>Include the devices the filter matches</source>
        <translation>Die Geräte einschließen, auf die der Filter zutrifft</translation>
    </message>
    <message>
        <source>Exclude the devices the filter matches</source>
        <translation>Die Geräte ausschließen, auf die der Filter zutrifft</translation>
    </message>
    <message>
        <source>Read the assignment filters again</source>
        <translation>Die Zuweisungsfilter erneut lesen</translation>
    </message>
    <message>
        <source>Assignment &amp;filter:</source>
        <translation>Zuweisungs&amp;filter:</translation>
    </message>
    <message>
        <source>No filter</source>
        <translation>Kein Filter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
Platform: %2
Rule: %3
Id: %4</source>
        <translation>%1
Plattform: %2
Regel: %3
ID: %4</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Assignment filters need the beta API.</source>
        <translation>Zuweisungsfilter benötigen die Beta-API.</translation>
    </message>
    <message>
        <source>Switch “Graph API” in the toolbar to beta to narrow a target with a filter. v1.0 rejects the filter properties.</source>
        <translation>Stellen Sie „Graph-API“ in der Symbolleiste auf beta, um ein Ziel mit einem Filter einzuschränken. v1.0 lehnt die Filtereigenschaften ab.</translation>
    </message>
    <message>
        <source>Reading the tenant&apos;s assignment filters…</source>
        <translation>Die Zuweisungsfilter des Mandanten werden gelesen…</translation>
    </message>
    <message>
        <source>Could not read the assignment filters.</source>
        <translation>Die Zuweisungsfilter konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Filters cannot narrow an excluded group.</source>
        <translation>Filter können eine ausgeschlossene Gruppe nicht einschränken.</translation>
    </message>
    <message>
        <source>The tenant has no device assignment filters.</source>
        <translation>Der Mandant hat keine Zuweisungsfilter für Geräte.</translation>
    </message>
    <message>
        <source>Narrows the target to the devices an assignment filter matches</source>
        <translation>Beschränkt das Ziel auf die Geräte, auf die ein Zuweisungsfilter zutrifft</translation>
    </message>
    <message>
        <source>Assignment filters need the beta API</source>
        <translation>Zuweisungsfilter benötigen die Beta-API</translation>
    </message>
</context>
<context>
    <name>ea::ui::AssignmentTableModel</name>
    <message>
        <source>%1, include filter</source>
        <translation>%1, Filter einschließen</translation>
    </message>
    <message>
        <source>%1, exclude filter</source>
        <translation>%1, Filter ausschließen</translation>
    </message>
    <message>
        <source>Deleted group: Entra ID has no group with id %1 any more. The assignment still exists; remove it if it is no longer needed.</source>
        <translation>Gelöschte Gruppe: Entra ID hat keine Gruppe mit der ID %1 mehr. Die Zuweisung besteht weiterhin; entfernen Sie sie, wenn sie nicht mehr benötigt wird.</translation>
    </message>
    <message>
        <source>Group id: %1</source>
        <translation>Gruppen-ID: %1</translation>
    </message>
    <message>
        <source>Group: %1 (%2)</source>
        <translation>Gruppe: %1 (%2)</translation>
    </message>
    <message>
        <source>Collection id: %1</source>
        <translation>Sammlungs-ID: %1</translation>
    </message>
    <message>
        <source>Graph returned an empty or unrecognised target for this assignment.</source>
        <translation>Graph hat für diese Zuweisung ein leeres oder unbekanntes Ziel geliefert.</translation>
    </message>
    <message>
        <source>Assignment filter: %1</source>
        <translation>Zuweisungsfilter: %1</translation>
    </message>
    <message>
        <source>Assignment filter: %1 (%2)</source>
        <translation>Zuweisungsfilter: %1 (%2)</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Policy set id: %1</source>
        <translation>Richtliniensatz-ID: %1</translation>
    </message>
    <message>
        <source>Change it in the policy set; it cannot be removed here.</source>
        <translation>Ändern Sie sie im Richtliniensatz; hier kann sie nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Assignment id: %1</source>
        <translation>Zuweisungs-ID: %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>Group or collection id</source>
        <translation>Gruppen- oder Sammlungs-ID</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Assignment id</source>
        <translation>Zuweisungs-ID</translation>
    </message>
</context>
<context>
    <name>ea::ui::CollectionIdValidator</name>
    <message>
        <source>A collection id is a 3-character site code followed by 5 hexadecimal digits, for example SMS00001.</source>
        <translation>Eine Sammlungs-ID ist ein 3-stelliger Standortcode gefolgt von 5 Hexadezimalziffern, zum Beispiel SMS00001.</translation>
    </message>
    <message>
        <source>Character %1 (&apos;%2&apos;) cannot be part of a site code: use letters and digits. %3</source>
        <translation>Zeichen %1 („%2“) kann nicht Teil eines Standortcodes sein: Verwenden Sie Buchstaben und Ziffern. %3</translation>
    </message>
    <message>
        <source>Character %1 (&apos;%2&apos;) is not a hexadecimal digit (0-9, A-F). %3</source>
        <translation>Zeichen %1 („%2“) ist keine Hexadezimalziffer (0-9, A-F). %3</translation>
    </message>
    <message>
        <source>%1 characters is too long: a collection id has 8. %2</source>
        <translation>%1 Zeichen sind zu lang: Eine Sammlungs-ID hat 8. %2</translation>
    </message>
    <message>
        <source>%1 of 8 characters. %2</source>
        <translation>%1 von 8 Zeichen. %2</translation>
    </message>
</context>
<context>
    <name>ea::ui::ConfigurationDetailsPane</name>
    <message>
        <source>Current assignments</source>
        <translation>Aktuelle Zuweisungen</translation>
    </message>
    <message>
        <source>Remove assignment…</source>
        <translation>Zuweisung entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected assignment</source>
        <translation>Die ausgewählte Zuweisung entfernen</translation>
    </message>
    <message>
        <source>No configuration selected</source>
        <translation>Keine Konfiguration ausgewählt</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Select an enrollment configuration on the left to see its assignments and assign it.</source>
        <translation>Wählen Sie links eine Registrierungskonfiguration aus, um ihre Zuweisungen zu sehen und sie zuzuweisen.</translation>
    </message>
    <message>
        <source>Default policy</source>
        <translation>Standardrichtlinie</translation>
    </message>
    <message>
        <source>Priority %1</source>
        <translation>Priorität %1</translation>
    </message>
    <message>
        <source>Modified %1</source>
        <translation>Geändert %1</translation>
    </message>
    <message>
        <source>Id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the assignments of “%1”</source>
        <translation>Die Zuweisungen von „%1“ konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>none: a default policy applies to everyone</source>
        <translation>keine: eine Standardrichtlinie gilt für alle</translation>
    </message>
    <message>
        <source>none yet: choose a target below and press Assign</source>
        <translation>noch keine: Wählen Sie unten ein Ziel und drücken Sie „Zuweisen“</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Wait for the running write to finish.</source>
        <translation>Warten Sie, bis der laufende Schreibvorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Select an enrollment configuration on the left.</source>
        <translation>Wählen Sie links eine Registrierungskonfiguration aus.</translation>
    </message>
    <message>
        <source>“%1” is a default policy; its assignments cannot be changed.</source>
        <translation>„%1“ ist eine Standardrichtlinie; ihre Zuweisungen können nicht geändert werden.</translation>
    </message>
    <message>
        <source>Wait for the current assignments to be read.</source>
        <translation>Warten Sie, bis die aktuellen Zuweisungen gelesen sind.</translation>
    </message>
    <message>
        <source>Select an assignment in the list to remove it.</source>
        <translation>Wählen Sie eine Zuweisung in der Liste aus, um sie zu entfernen.</translation>
    </message>
    <message>
        <source>This assignment comes from a policy set: change it in the policy set in the Intune admin center.</source>
        <translation>Diese Zuweisung stammt aus einem Richtliniensatz: Ändern Sie sie im Richtliniensatz im Intune Admin Center.</translation>
    </message>
    <message>
        <source>Graph returned this assignment without an id, so it cannot be removed here.</source>
        <translation>Graph hat diese Zuweisung ohne ID geliefert, daher kann sie hier nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Remove the selected assignment, after a confirmation (%1)</source>
        <translation>Die ausgewählte Zuweisung nach einer Bestätigung entfernen (%1)</translation>
    </message>
</context>
<context>
    <name>ea::ui::ConfigurationListPane</name>
    <message>
        <source>Enrollment configurations</source>
        <translation>Registrierungskonfigurationen</translation>
    </message>
    <message>
        <source>Filter configurations</source>
        <translation>Konfigurationen filtern</translation>
    </message>
    <message>
        <source>Filter by name, type or id (%1)</source>
        <translation>Nach Name, Typ oder ID filtern (%1)</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Loading enrollment configurations…</source>
        <translation>Registrierungskonfigurationen werden geladen…</translation>
    </message>
    <message>
        <source>Loading was cancelled. Press Refresh (F5) to load the configurations.</source>
        <translation>Das Laden wurde abgebrochen. Drücken Sie „Aktualisieren“ (F5), um die Konfigurationen zu laden.</translation>
    </message>
    <message>
        <source>Could not read the enrollment configurations</source>
        <translation>Die Registrierungskonfigurationen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Enrollment configurations loaded.</source>
        <translation>Registrierungskonfigurationen geladen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not load the configurations. The message above says why; press Refresh (F5) to try again.</source>
        <translation>Die Konfigurationen konnten nicht geladen werden. Die Meldung oben nennt den Grund; drücken Sie „Aktualisieren“ (F5), um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Configurations: %1 (%2 default)</source>
        <translation>Konfigurationen: %1 (%2 Standard)</translation>
    </message>
    <message>
        <source>Configurations: %1 of %2 shown (%3 default)</source>
        <translation>Konfigurationen: %1 von %2 angezeigt (%3 Standard)</translation>
    </message>
    <message>
        <source>The tenant has no enrollment configurations. Create one in the Intune admin center (Devices &gt; Enrollment), then press Refresh (F5).</source>
        <translation>Der Mandant hat keine Registrierungskonfigurationen. Erstellen Sie eine im Intune Admin Center (Geräte &gt; Registrierung) und drücken Sie dann „Aktualisieren“ (F5).</translation>
    </message>
    <message>
        <source>No configuration matches “%1”. Clear the filter to see all %2.</source>
        <translation>Keine Konfiguration passt zu „%1“. Leeren Sie den Filter, um alle %2 zu sehen.</translation>
    </message>
</context>
<context>
    <name>ea::ui::ConfigurationTableModel</name>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Last modified: %1</source>
        <translation>Zuletzt geändert: %1</translation>
    </message>
    <message>
        <source>Default policy: applies to all users and all devices and cannot take assignments.</source>
        <translation>Standardrichtlinie: Gilt für alle Benutzer und alle Geräte und kann keine Zuweisungen erhalten.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
</context>
<context>
    <name>ea::ui::CopyAsMenu</name>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>A curl command for a POSIX shell; it reads the token from $%1</source>
        <translation>Ein curl-Befehl für eine POSIX-Shell; er liest das Token aus $%1</translation>
    </message>
    <message>
        <source>Copy as &amp;PowerShell</source>
        <translation>Als &amp;PowerShell kopieren</translation>
    </message>
    <message>
        <source>Invoke-MgGraphRequest, signed by your Connect-MgGraph session</source>
        <translation>Invoke-MgGraphRequest, authentifiziert durch Ihre Connect-MgGraph-Sitzung</translation>
    </message>
    <message>
        <source>Copy as &amp;Graph Explorer link</source>
        <translation>Als &amp;Graph-Explorer-Link kopieren</translation>
    </message>
    <message>
        <source>Graph Explorer cannot open requests to the sandbox tenant on this computer</source>
        <translation>Graph-Explorer kann keine Anforderungen an den Sandbox-Mandanten auf diesem Computer öffnen</translation>
    </message>
    <message>
        <source>A link that opens this request in Graph Explorer (you sign in there)</source>
        <translation>Ein Link, der diese Anforderung im Graph-Explorer öffnet (Sie melden sich dort an)</translation>
    </message>
    <message>
        <source>Copied the request as a curl command (the token is read from $%1).</source>
        <translation>Die Anforderung wurde als curl-Befehl kopiert (das Token wird aus $%1 gelesen).</translation>
    </message>
    <message>
        <source>Copied the request as an Invoke-MgGraphRequest command.</source>
        <translation>Die Anforderung wurde als Invoke-MgGraphRequest-Befehl kopiert.</translation>
    </message>
    <message>
        <source>Copied a Graph Explorer link to the request.</source>
        <translation>Ein Graph-Explorer-Link zur Anforderung wurde kopiert.</translation>
    </message>
</context>
<context>
    <name>ea::ui::CopyDialog</name>
    <message numerus="yes">
        <source>%1 — %2 (%n assignment(s))</source>
        <translation>
            <numerusform>%1 — %2 (%n Zuweisung)</numerusform>
            <numerusform>%1 — %2 (%n Zuweisungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy assignments</source>
        <translation>Zuweisungen kopieren</translation>
    </message>
    <message>
        <source>Copies the assignments of one configuration to another of the same type: from this tenant, or from an export file another tenant profile wrote (the command line&apos;s export). Across tenants each group is matched by a group map file or by its display name (exactly one group of that name); what cannot be carried over is listed and left out, never created. Nothing is sent before you press Apply.</source>
        <translation>Kopiert die Zuweisungen einer Konfiguration in eine andere desselben Typs: aus diesem Mandanten oder aus einer Exportdatei, die ein anderes Mandantenprofil geschrieben hat (export der Befehlszeile). Zwischen Mandanten wird jede Gruppe über eine Gruppenzuordnungsdatei oder über ihren Anzeigenamen gefunden (genau eine Gruppe dieses Namens); was sich nicht übertragen lässt, wird aufgeführt und ausgelassen, nie angelegt. Nichts wird gesendet, bevor Sie auf Anwenden klicken.</translation>
    </message>
    <message>
        <source>Copy from</source>
        <translation>Kopieren aus</translation>
    </message>
    <message>
        <source>A configuration in &amp;this tenant</source>
        <translation>Einer Konfiguration in &amp;diesem Mandanten</translation>
    </message>
    <message>
        <source>Source configuration in this tenant</source>
        <translation>Quellkonfiguration in diesem Mandanten</translation>
    </message>
    <message>
        <source>A configuration in an &amp;export file (another tenant&apos;s)</source>
        <translation>Einer Konfiguration in einer &amp;Exportdatei (eines anderen Mandanten)</translation>
    </message>
    <message>
        <source>No file opened.</source>
        <translation>Keine Datei geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Open export file…</source>
        <translation>Exportdatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Source configuration in the export file</source>
        <translation>Quellkonfiguration in der Exportdatei</translation>
    </message>
    <message>
        <source>No group map: groups are matched by display name.</source>
        <translation>Keine Gruppenzuordnung: Gruppen werden über den Anzeigenamen gefunden.</translation>
    </message>
    <message>
        <source>Group &amp;map…</source>
        <translation>Gruppen&amp;zuordnung…</translation>
    </message>
    <message>
        <source>A CSV file with SOURCE_GROUP_ID,TARGET_GROUP_ID per line, for groups whose names differ between the tenants</source>
        <translation>Eine CSV-Datei mit SOURCE_GROUP_ID,TARGET_GROUP_ID je Zeile, für Gruppen, deren Namen sich zwischen den Mandanten unterscheiden</translation>
    </message>
    <message>
        <source>C&amp;lear map</source>
        <translation>Zuordnung &amp;entfernen</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Gruppen:</translation>
    </message>
    <message>
        <source>Target configuration</source>
        <translation>Zielkonfiguration</translation>
    </message>
    <message>
        <source>&amp;Plan the copy</source>
        <translation>Kopie &amp;planen</translation>
    </message>
    <message>
        <source>Reads the tenant and shows what the copy writes; sends nothing</source>
        <translation>Liest den Mandanten und zeigt, was die Kopie schreibt; sendet nichts</translation>
    </message>
    <message>
        <source>Copy &amp;to:</source>
        <translation>Kopieren &amp;nach:</translation>
    </message>
    <message>
        <source>Choose other configurations, or plan the copy again.</source>
        <translation>Wählen Sie andere Konfigurationen oder planen Sie die Kopie erneut.</translation>
    </message>
    <message>
        <source>Plan the copy again to finish it: only what is still missing is written.</source>
        <translation>Planen Sie die Kopie erneut, um sie abzuschließen: Nur was noch fehlt, wird geschrieben.</translation>
    </message>
    <message>
        <source>What the copy writes, and what it leaves out</source>
        <translation>Was die Kopie schreibt und was sie auslässt</translation>
    </message>
    <message>
        <source>Reading the configurations of this tenant…</source>
        <translation>Die Konfigurationen dieses Mandanten werden gelesen…</translation>
    </message>
    <message>
        <source>Could not read the configurations</source>
        <translation>Die Konfigurationen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Close the dialog and open it again to retry.</source>
        <translation>Schließen Sie den Dialog und öffnen Sie ihn erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Choose the source and the target, then plan the copy.</source>
        <translation>Wählen Sie Quelle und Ziel, dann planen Sie die Kopie.</translation>
    </message>
    <message>
        <source>Open an export file</source>
        <translation>Exportdatei öffnen</translation>
    </message>
    <message>
        <source>Exports (*.json);;All files (*)</source>
        <translation>Exporte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The export has no configuration that takes assignments.</source>
        <translation>Der Export enthält keine Konfiguration, die Zuweisungen annimmt.</translation>
    </message>
    <message>
        <source>Choose the configuration of the export and the one here to copy to, then plan the copy.</source>
        <translation>Wählen Sie die Konfiguration des Exports und die hiesige, in die kopiert wird, dann planen Sie die Kopie.</translation>
    </message>
    <message>
        <source>Choose a group map</source>
        <translation>Gruppenzuordnung wählen</translation>
    </message>
    <message>
        <source>Group maps (*.csv);;All files (*)</source>
        <translation>Gruppenzuordnungen (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The group map %1 cannot be used; it was not loaded:</source>
        <translation>Die Gruppenzuordnung %1 ist nicht verwendbar; sie wurde nicht geladen:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n group(s) mapped; others by display name)</source>
        <translation>
            <numerusform>%1 (%n Gruppe zugeordnet; andere über den Anzeigenamen)</numerusform>
            <numerusform>%1 (%n Gruppen zugeordnet; andere über den Anzeigenamen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No configuration here is of the source&apos;s type and takes assignments: nothing to copy to.</source>
        <translation>Keine Konfiguration hier hat den Typ der Quelle und nimmt Zuweisungen an: Es gibt kein Ziel.</translation>
    </message>
    <message>
        <source>Plan the copy to see what it writes.</source>
        <translation>Planen Sie die Kopie, um zu sehen, was sie schreibt.</translation>
    </message>
    <message>
        <source>Reading every configuration with its assignments…</source>
        <translation>Alle Konfigurationen mit ihren Zuweisungen werden gelesen…</translation>
    </message>
    <message>
        <source>Could not plan the copy</source>
        <translation>Die Kopie konnte nicht geplant werden</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Nothing to copy: “%1” has no assignment that can be carried over.</source>
        <translation>Nichts zu kopieren: „%1“ hat keine Zuweisung, die sich übertragen lässt.</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
</context>
<context>
    <name>ea::ui::CreatedAssignmentTableModel</name>
    <message>
        <source>Undoing…</source>
        <translation>Wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>Rückgängigmachen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Created (full list)</source>
        <translation>Erstellt (vollständige Liste)</translation>
    </message>
    <message>
        <source>Created (confirmed)</source>
        <translation>Erstellt (bestätigt)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Intune accepted this only as a full list (POST …/assign); undo restores the %n assignment(s) the configuration had before.</source>
        <translation>
            <numerusform>Intune hat dies nur als vollständige Liste akzeptiert (POST …/assign); Rückgängig stellt die %n Zuweisung wieder her, die die Konfiguration vorher hatte.</numerusform>
            <numerusform>Intune hat dies nur als vollständige Liste akzeptiert (POST …/assign); Rückgängig stellt die %n Zuweisungen wieder her, die die Konfiguration vorher hatte.</numerusform>
        </translation>
    </message>
    <message>
        <source>The answer to the write was lost; a re-read confirmed it had been applied.</source>
        <translation>Die Antwort auf den Schreibvorgang ging verloren; erneutes Lesen hat bestätigt, dass er ausgeführt wurde.</translation>
    </message>
    <message>
        <source>At %1; it can no longer be undone here.</source>
        <translation>Um %1; dies kann hier nicht mehr rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Configuration id: %1</source>
        <translation>Konfigurations-ID: %1</translation>
    </message>
    <message>
        <source>request-id: %1
client-request-id: %2</source>
        <translation>request-id: %1
client-request-id: %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignment id</source>
        <translation>Zuweisungs-ID</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Group or collection</source>
        <translation>Gruppe oder Sammlung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anforderungs-ID</translation>
    </message>
    <message numerus="yes">
        <source>after %n throttled attempt(s)</source>
        <translation>
            <numerusform>nach %n gedrosseltem Versuch</numerusform>
            <numerusform>nach %n gedrosselten Versuchen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Intune said “not now” (HTTP 429 or 503) %n time(s); each time a re-read showed the write had not landed before it was sent again.</source>
        <translation>
            <numerusform>Intune hat %n Mal „nicht jetzt“ gesagt (HTTP 429 oder 503); jedes Mal zeigte ein erneutes Lesen, dass der Schreibvorgang nicht angekommen war, bevor er erneut gesendet wurde.</numerusform>
            <numerusform>Intune hat %n Mal „nicht jetzt“ gesagt (HTTP 429 oder 503); jedes Mal zeigte ein erneutes Lesen, dass der Schreibvorgang nicht angekommen war, bevor er erneut gesendet wurde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::CreatedAssignmentsPane</name>
    <message>
        <source>Created assignments</source>
        <translation>Erstellte Zuweisungen</translation>
    </message>
    <message>
        <source>Created (full list)</source>
        <translation>Erstellt (vollständige Liste)</translation>
    </message>
    <message>
        <source>Configuration Manager collection</source>
        <translation>Configuration Manager-Sammlung</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Rückgängig…</translation>
    </message>
    <message>
        <source>Undo the selected created assignment</source>
        <translation>Die ausgewählte erstellte Zuweisung rückgängig machen</translation>
    </message>
    <message>
        <source>Created in this session: %1</source>
        <translation>In dieser Sitzung erstellt: %1</translation>
    </message>
    <message>
        <source>None yet in this session.</source>
        <translation>In dieser Sitzung noch keine.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Wait for the running write to finish.</source>
        <translation>Warten Sie, bis der laufende Schreibvorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Nothing created in this session yet.</source>
        <translation>In dieser Sitzung wurde noch nichts erstellt.</translation>
    </message>
    <message>
        <source>Select a created assignment to undo it.</source>
        <translation>Wählen Sie eine erstellte Zuweisung aus, um sie rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Already undone.</source>
        <translation>Bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <source>This assignment cannot be undone here.</source>
        <translation>Diese Zuweisung kann hier nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Undo the selected assignment created in this session (%1)</source>
        <translation>Die ausgewählte, in dieser Sitzung erstellte Zuweisung rückgängig machen (%1)</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>ea::ui::EffectiveDialog</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Who gets which enrollment configuration</source>
        <translation>Wer welche Registrierungskonfiguration erhält</translation>
    </message>
    <message>
        <source>For a user or a group: the enrollment configuration of each type that applies and why. The lowest priority number among the configurations that target it wins, an exclusion beats any include, and the default catches everyone else. Nothing is written.</source>
        <translation>Für einen Benutzer oder eine Gruppe: die Registrierungskonfiguration jedes Typs, die gilt, und warum. Die niedrigste Prioritätszahl unter den Konfigurationen, die ihn erreichen, gewinnt, ein Ausschluss schlägt jede Einbeziehung, und die Standardkonfiguration gilt für alle anderen. Es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>User or group</source>
        <translation>Benutzer oder Gruppe</translation>
    </message>
    <message>
        <source>User (name@domain or object id)</source>
        <translation>Benutzer (name@domäne oder Objekt-ID)</translation>
    </message>
    <message>
        <source>Group (object id)</source>
        <translation>Gruppe (Objekt-ID)</translation>
    </message>
    <message>
        <source>User principal name or object id</source>
        <translation>Benutzerprinzipalname oder Objekt-ID</translation>
    </message>
    <message>
        <source>Clear the user or group</source>
        <translation>Benutzer oder Gruppe leeren</translation>
    </message>
    <message>
        <source>alice@contoso.com</source>
        <translation>alice@contoso.com</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Wer:</translation>
    </message>
    <message>
        <source>Enter a user or a group, then press Show.</source>
        <translation>Geben Sie einen Benutzer oder eine Gruppe ein und wählen Sie dann Anzeigen.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Wird gelesen</translation>
    </message>
    <message>
        <source>Enrollment configurations by type</source>
        <translation>Registrierungskonfigurationen nach Typ</translation>
    </message>
    <message>
        <source>Type / role</source>
        <translation>Typ / Rolle</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Could not read the groups of %1</source>
        <translation>Die Gruppen von %1 konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the enrollment configurations with their assignments</source>
        <translation>Die Registrierungskonfigurationen mit ihren Zuweisungen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading every enrollment configuration with its assignments…</source>
        <translation>Alle Registrierungskonfigurationen mit ihren Zuweisungen werden gelesen…</translation>
    </message>
    <message>
        <source>Reading the groups of %1…</source>
        <translation>Die Gruppen von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Cancelled; nothing is shown.</source>
        <translation>Abgebrochen; es wird nichts angezeigt.</translation>
    </message>
    <message>
        <source>Reading group memberships needs GroupMember.Read.All or Directory.Read.All.</source>
        <translation>Zum Lesen von Gruppenmitgliedschaften ist GroupMember.Read.All oder Directory.Read.All nötig.</translation>
    </message>
    <message>
        <source>the default: nothing else targets it</source>
        <translation>die Standardkonfiguration: nichts anderes erreicht ihn</translation>
    </message>
    <message>
        <source>nothing of this type (none targets it and the tenant lists no default)</source>
        <translation>nichts von diesem Typ (keine erreicht ihn, und der Mandant nennt keine Standardkonfiguration)</translation>
    </message>
    <message>
        <source>Tied</source>
        <translation>Gleichrangig</translation>
    </message>
    <message>
        <source>same priority as the winner: %1</source>
        <translation>gleiche Priorität wie die gewinnende: %1</translation>
    </message>
    <message>
        <source>Also targets</source>
        <translation>Erreicht ihn auch</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>excluded by %1</source>
        <translation>ausgeschlossen durch %1</translation>
    </message>
    <message>
        <source>for everyone nothing above applies to</source>
        <translation>für alle, für die nichts darüber gilt</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: member of %n group(s), nested ones included; %2 configurations read.</source>
        <translation>
            <numerusform>%1: Mitglied von %n Gruppe, verschachtelte eingeschlossen; %2 Konfigurationen gelesen.</numerusform>
            <numerusform>%1: Mitglied von %n Gruppen, verschachtelte eingeschlossen; %2 Konfigurationen gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the names of the assignment filters…</source>
        <translation>Die Namen der Zuweisungsfilter werden gelesen…</translation>
    </message>
    <message>
        <source>The assignment filters could not be read, so they are named by id (%1).</source>
        <translation>Die Zuweisungsfilter konnten nicht gelesen werden, daher werden sie mit ihrer ID genannt (%1).</translation>
    </message>
</context>
<context>
    <name>ea::ui::ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error summary</source>
        <translation>Fehlerzusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Show error details</source>
        <translation>Fehlerdetails anzeigen</translation>
    </message>
    <message>
        <source>HTTP status, Graph error code, message, request-id and client-request-id</source>
        <translation>HTTP-Status, Graph-Fehlercode, Meldung, request-id und client-request-id</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Copy error details</source>
        <translation>Fehlerdetails kopieren</translation>
    </message>
    <message>
        <source>Copy the details to the clipboard, for a support ticket</source>
        <translation>Die Details für ein Supportticket in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Fehler schließen</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>What to try</source>
        <translation>Lösungsvorschlag</translation>
    </message>
    <message>
        <source>Check the network connection and any proxy, then try again (Refresh, F5).</source>
        <translation>Prüfen Sie die Netzwerkverbindung und einen eventuellen Proxy und versuchen Sie es dann erneut (Aktualisieren, F5).</translation>
    </message>
    <message>
        <source>Try again. If it keeps timing out, raise the Graph call timeout in Preferences.</source>
        <translation>Versuchen Sie es erneut. Tritt die Zeitüberschreitung weiterhin auf, erhöhen Sie das Zeitlimit für Graph-Aufrufe in den Einstellungen.</translation>
    </message>
    <message>
        <source>Something other than Graph may have answered (a proxy or captive portal). Check the network, then try again.</source>
        <translation>Möglicherweise hat etwas anderes als Graph geantwortet (ein Proxy oder ein Captive Portal). Prüfen Sie das Netzwerk und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The sign-in is no longer accepted: sign in again from the Account menu.</source>
        <translation>Die Anmeldung wird nicht mehr akzeptiert: Melden Sie sich über das Menü „Konto“ erneut an.</translation>
    </message>
    <message>
        <source>The sign-in lacks a permission for this: see Account &gt; Account details, have an administrator grant it, then sign in again.</source>
        <translation>Der Anmeldung fehlt hierfür eine Berechtigung: Sehen Sie unter Konto &gt; Kontodetails nach, lassen Sie sie von einem Administrator erteilen und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>It may have been deleted in the meantime: press Refresh (F5).</source>
        <translation>Möglicherweise wurde es inzwischen gelöscht: Drücken Sie „Aktualisieren“ (F5).</translation>
    </message>
    <message>
        <source>Someone else changed it at the same time: press Refresh (F5) and check before trying again.</source>
        <translation>Jemand anderes hat es gleichzeitig geändert: Drücken Sie „Aktualisieren“ (F5) und prüfen Sie den Stand, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Intune is busy or throttling: wait a minute, then try again.</source>
        <translation>Intune ist ausgelastet oder drosselt: Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The service failed: try again later. If it persists, give Microsoft support the request-id.</source>
        <translation>Beim Dienst ist ein Fehler aufgetreten: Versuchen Sie es später erneut. Bleibt der Fehler bestehen, nennen Sie dem Microsoft-Support die request-id.</translation>
    </message>
    <message>
        <source>Graph refused the request as sent: the details show its reason; check the target and the request preview.</source>
        <translation>Graph hat die Anforderung so nicht angenommen: Die Details nennen den Grund; prüfen Sie das Ziel und die Anforderungsvorschau.</translation>
    </message>
    <message>
        <source>Check the network, VPN or proxy (or sign in to the network&apos;s portal), reload, then try again. The page came from a machine between this computer and Graph, so Microsoft support cannot trace it.</source>
        <translation>Prüfen Sie Netzwerk, VPN oder Proxy (oder melden Sie sich beim Portal des Netzwerks an), laden Sie neu und versuchen Sie es dann erneut. Die Seite kam von einem Gerät zwischen diesem Computer und Graph; der Microsoft-Support kann sie daher nicht zurückverfolgen.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>What to try: %1</source>
        <translation>Lösungsvorschlag: %1</translation>
    </message>
</context>
<context>
    <name>ea::ui::FullListConfirmationDialog</name>
    <message>
        <source>Confirm sending the full list of assignments</source>
        <translation>Senden der vollständigen Zuweisungsliste bestätigen</translation>
    </message>
    <message>
        <source>Send the full list of assignments?</source>
        <translation>Die vollständige Liste der Zuweisungen senden?</translation>
    </message>
    <message>
        <source>“%1” needs the full list</source>
        <translation>„%1“ benötigt die vollständige Liste</translation>
    </message>
    <message>
        <source>The list that will be sent. Intune deletes the rows marked “Removed”:</source>
        <translation>Die Liste, die gesendet wird. Intune löscht die als „Entfernt“ markierten Zeilen:</translation>
    </message>
    <message>
        <source>The list that will be sent:</source>
        <translation>Die Liste, die gesendet wird:</translation>
    </message>
    <message>
        <source>Assignments in the full list</source>
        <translation>Zuweisungen in der vollständigen Liste</translation>
    </message>
    <message>
        <source>Show the request</source>
        <translation>Die Anforderung anzeigen</translation>
    </message>
    <message>
        <source>Show the &amp;request</source>
        <translation>&amp;Anforderung anzeigen</translation>
    </message>
    <message>
        <source>The request that will be sent</source>
        <translation>Die Anforderung, die gesendet wird</translation>
    </message>
    <message>
        <source>Hide the &amp;request</source>
        <translation>&amp;Anforderung ausblenden</translation>
    </message>
    <message>
        <source>&amp;Send the full list</source>
        <translation>Vollständige Liste &amp;senden</translation>
    </message>
    <message>
        <source>Send the full list</source>
        <translation>Die vollständige Liste senden</translation>
    </message>
    <message>
        <source>Cancel, send nothing</source>
        <translation>Abbrechen, nichts senden</translation>
    </message>
    <message>
        <source>The assignments changed after you approved, so nothing was sent. This is the list as it is now. What changed: %1</source>
        <translation>Die Zuweisungen haben sich nach Ihrer Zustimmung geändert, daher wurde nichts gesendet. Dies ist die aktuelle Liste. Was sich geändert hat: %1</translation>
    </message>
    <message>
        <source>The list changed since you approved</source>
        <translation>Die Liste hat sich seit Ihrer Zustimmung geändert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Kept assignments are sent exactly as read, filters and policy-set sources included. Right before sending, the app reads the list again and sends nothing if it changed; afterwards it reads it back and reports any difference. The write is recorded in the History.</source>
        <translation>Beibehaltene Zuweisungen werden genau so gesendet, wie sie gelesen wurden, einschließlich Filtern und Richtliniensatz-Quellen. Unmittelbar vor dem Senden liest die App die Liste erneut und sendet nichts, wenn sie sich geändert hat; danach liest sie sie zurück und meldet jede Abweichung. Der Schreibvorgang wird im Verlauf festgehalten.</translation>
    </message>
</context>
<context>
    <name>ea::ui::FullListPlanModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Beibehalten</translation>
    </message>
    <message>
        <source>Sent as a new assignment.</source>
        <translation>Wird als neue Zuweisung gesendet.</translation>
    </message>
    <message>
        <source>Left out of the list: Intune deletes assignment %1 when the list is sent.</source>
        <translation>Nicht in der Liste: Intune löscht die Zuweisung %1, wenn die Liste gesendet wird.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>Group or collection id</source>
        <translation>Gruppen- oder Sammlungs-ID</translation>
    </message>
    <message>
        <source>Sent again exactly as read (assignment %1).</source>
        <translation>Wird genau so erneut gesendet, wie sie gelesen wurde (Zuweisung %1).</translation>
    </message>
    <message>
        <source>Its assignment filter (%1, %2) is kept.</source>
        <translation>Ihr Zuweisungsfilter (%1, %2) bleibt erhalten.</translation>
    </message>
    <message>
        <source>It stays part of policy set %1.</source>
        <translation>Sie bleibt Teil des Richtliniensatzes %1.</translation>
    </message>
    <message>
        <source>Its target type is newer than this app; it is sent back unchanged.</source>
        <translation>Ihr Zieltyp ist neuer als diese App; sie wird unverändert zurückgesendet.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>ea::ui::GroupReportDialog</name>
    <message>
        <source>Group report</source>
        <translation>Gruppenbericht</translation>
    </message>
    <message>
        <source>Every enrollment configuration that includes or excludes a group or a group it is nested in, and which one of each type its members get. Save it as CSV or as an HTML page for a change ticket. Nothing is written.</source>
        <translation>Jede Registrierungskonfiguration, die eine Gruppe oder eine Gruppe, in der sie verschachtelt ist, ein- oder ausschließt, und welche jedes Typs ihre Mitglieder erhalten. Speichern Sie den Bericht als CSV oder als HTML-Seite für ein Änderungsticket. Es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Show report</source>
        <translation>Bericht &amp;anzeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>Pick a group, then press Show report.</source>
        <translation>Wählen Sie eine Gruppe und drücken Sie dann „Bericht anzeigen“.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Wird gelesen</translation>
    </message>
    <message>
        <source>Configurations that name the group, by type</source>
        <translation>Konfigurationen, die die Gruppe nennen, nach Typ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Absicht</translation>
    </message>
    <message>
        <source>Reaches the group</source>
        <translation>Erreicht die Gruppe</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>For the members</source>
        <translation>Für die Mitglieder</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Als &amp;CSV speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;HTML…</source>
        <translation>Als &amp;HTML speichern…</translation>
    </message>
    <message>
        <source>Pick a group or paste its object id first.</source>
        <translation>Wählen Sie zuerst eine Gruppe oder fügen Sie ihre Objekt-ID ein.</translation>
    </message>
    <message>
        <source>Reading the groups %1 is nested in…</source>
        <translation>Die Gruppen, in denen %1 verschachtelt ist, werden gelesen…</translation>
    </message>
    <message>
        <source>Cancelled; nothing is shown.</source>
        <translation>Abgebrochen; nichts wird angezeigt.</translation>
    </message>
    <message>
        <source>The report needs GroupMember.Read.All (or Directory.Read.All) and DeviceManagementServiceConfig.Read.All.</source>
        <translation>Der Bericht benötigt GroupMember.Read.All (oder Directory.Read.All) und DeviceManagementServiceConfig.Read.All.</translation>
    </message>
    <message>
        <source>Could not make the group report</source>
        <translation>Der Gruppenbericht konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n assignment(s) name the group or a group it is nested in.</source>
        <translation>
            <numerusform>%1: %n Zuweisung nennt die Gruppe oder eine Gruppe, in der sie verschachtelt ist.</numerusform>
            <numerusform>%1: %n Zuweisungen nennen die Gruppe oder eine Gruppe, in der sie verschachtelt ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no report to save yet.</source>
        <translation>Es gibt noch keinen Bericht zum Speichern.</translation>
    </message>
    <message>
        <source>Save the group report as HTML</source>
        <translation>Gruppenbericht als HTML speichern</translation>
    </message>
    <message>
        <source>Save the group report as CSV</source>
        <translation>Gruppenbericht als CSV speichern</translation>
    </message>
    <message>
        <source>HTML pages (*.html);;All files (*)</source>
        <translation>HTML-Seiten (*.html);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>CSV-Tabellen (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved the report to %1.</source>
        <translation>Bericht unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>The report could not be saved to %1.</source>
        <translation>Der Bericht konnte nicht unter %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ea::ui::GroupResultModel</name>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Object id: %1</source>
        <translation>Objekt-ID: %1</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>Sicherheitsgruppe</translation>
    </message>
    <message>
        <source>Not security-enabled</source>
        <translation>Nicht sicherheitsaktiviert</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>Objekt-ID</translation>
    </message>
</context>
<context>
    <name>ea::ui::GroupSearchWidget</name>
    <message>
        <source>Group search</source>
        <translation>Gruppensuche</translation>
    </message>
    <message>
        <source>Type the start of a group name, or paste a group object id</source>
        <translation>Geben Sie den Anfang eines Gruppennamens ein oder fügen Sie eine Objekt-ID einer Gruppe ein</translation>
    </message>
    <message>
        <source>Start of a group name, or a group object id</source>
        <translation>Anfang eines Gruppennamens oder Objekt-ID einer Gruppe</translation>
    </message>
    <message>
        <source>Matching groups</source>
        <translation>Passende Gruppen</translation>
    </message>
    <message>
        <source>Type the start of a group name to search, or paste a group object id.</source>
        <translation>Geben Sie zum Suchen den Anfang eines Gruppennamens ein oder fügen Sie eine Objekt-ID einer Gruppe ein.</translation>
    </message>
    <message>
        <source>Group object id entered: it is used as typed.</source>
        <translation>Objekt-ID einer Gruppe eingegeben: Sie wird wie eingegeben verwendet.</translation>
    </message>
    <message>
        <source>Searching for groups starting with “%1”…</source>
        <translation>Gruppen, die mit „%1“ beginnen, werden gesucht…</translation>
    </message>
    <message>
        <source>Group object id (name search is unavailable)</source>
        <translation>Objekt-ID der Gruppe (Namenssuche nicht verfügbar)</translation>
    </message>
    <message>
        <source>Not signed in: there is no tenant to search.</source>
        <translation>Nicht angemeldet: Es gibt keinen Mandanten zum Durchsuchen.</translation>
    </message>
    <message>
        <source>Group search failed: %1</source>
        <translation>Gruppensuche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The first %1 groups starting with “%2”; type more of the name to narrow them down.</source>
        <translation>Die ersten %1 Gruppen, die mit „%2“ beginnen; geben Sie mehr vom Namen ein, um sie einzugrenzen.</translation>
    </message>
    <message>
        <source>One group starts with “%1”. Click it to pick it.</source>
        <translation>Eine Gruppe beginnt mit „%1“. Klicken Sie darauf, um sie auszuwählen.</translation>
    </message>
    <message>
        <source>%1 groups start with “%2”. Click one to pick it.</source>
        <translation>%1 Gruppen beginnen mit „%2“. Klicken Sie auf eine, um sie auszuwählen.</translation>
    </message>
    <message>
        <source>No group picked yet.</source>
        <translation>Noch keine Gruppe ausgewählt.</translation>
    </message>
    <message>
        <source>Picked group object id:&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</source>
        <translation>Ausgewählte Objekt-ID der Gruppe:&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Picked group: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>Ausgewählte Gruppe: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <source>No group name starts with “%1”. The search matches the start of a name: check the spelling, or paste the group&apos;s object id.</source>
        <translation>Kein Gruppenname beginnt mit „%1“. Die Suche vergleicht den Anfang eines Namens: Prüfen Sie die Schreibweise oder fügen Sie die Objekt-ID der Gruppe ein.</translation>
    </message>
    <message>
        <source>Picked group object id: %1</source>
        <translation>Gewählte Gruppen-Objekt-ID: %1</translation>
    </message>
    <message>
        <source>Picked group: %1</source>
        <translation>Gewählte Gruppe: %1</translation>
    </message>
    <message>
        <source>Clear the group search</source>
        <translation>Gruppensuche leeren</translation>
    </message>
</context>
<context>
    <name>ea::ui::HistoryPane</name>
    <message>
        <source>History of writes</source>
        <translation>Verlauf der Schreibvorgänge</translation>
    </message>
    <message>
        <source>Interrupted — outcome unknown</source>
        <translation>Unterbrochen – Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>Noch nicht gelesen.</translation>
    </message>
    <message>
        <source>Journal file</source>
        <translation>Journaldatei</translation>
    </message>
    <message>
        <source>Show where the journal file is</source>
        <translation>Zeigen, wo die Journaldatei liegt</translation>
    </message>
    <message>
        <source>Show the path of the audit journal this history is read from</source>
        <translation>Den Pfad des Überwachungsjournals zeigen, aus dem dieser Verlauf gelesen wird</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Reload the history</source>
        <translation>Den Verlauf neu laden</translation>
    </message>
    <message>
        <source>Read the audit journal again</source>
        <translation>Das Überwachungsjournal erneut lesen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide the history</source>
        <translation>Den Verlauf ausblenden</translation>
    </message>
    <message>
        <source>No writes recorded yet.</source>
        <translation>Noch keine Schreibvorgänge aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>· %n interrupted (outcome unknown): check those assignments</source>
        <translation>
            <numerusform>· %n unterbrochen (Ergebnis unbekannt): Prüfen Sie diese Zuweisung</numerusform>
            <numerusform>· %n unterbrochen (Ergebnis unbekannt): Prüfen Sie diese Zuweisungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n unreadable line(s) skipped</source>
        <translation>
            <numerusform>· %n unlesbare Zeile übersprungen</numerusform>
            <numerusform>· %n unlesbare Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Journal file: %1</source>
        <translation>Journaldatei: %1</translation>
    </message>
    <message>
        <source>Journal file (not written yet): %1</source>
        <translation>Journaldatei (noch nicht geschrieben): %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Undo priority change…</source>
        <translation>Prioritätsänderung rückgängig machen…</translation>
    </message>
    <message>
        <source>Put the configuration of the selected priority change back where it was; shows the request before anything is sent</source>
        <translation>Die Konfiguration der ausgewählten Prioritätsänderung an ihre alte Stelle zurücksetzen; zeigt die Anforderung, bevor etwas gesendet wird</translation>
    </message>
    <message>
        <source>Undo the selected priority change</source>
        <translation>Die ausgewählte Prioritätsänderung rückgängig machen</translation>
    </message>
</context>
<context>
    <name>ea::ui::HistoryTableModel</name>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Send full list</source>
        <translation>Vollständige Liste senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Interrupted — outcome unknown</source>
        <translation>Unterbrochen – Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The journal has the attempt but no result: the app stopped before the answer came. Reload the configuration&apos;s assignments to see whether the write was applied.</source>
        <translation>Das Journal enthält den Versuch, aber kein Ergebnis: Die App wurde beendet, bevor die Antwort kam. Laden Sie die Zuweisungen der Konfiguration neu, um zu sehen, ob der Schreibvorgang ausgeführt wurde.</translation>
    </message>
    <message>
        <source>Configuration: %1 (%2)</source>
        <translation>Konfiguration: %1 (%2)</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Assignment id: %1</source>
        <translation>Zuweisungs-ID: %1</translation>
    </message>
    <message>
        <source>Tenant: %1 · cloud %2 · API %3</source>
        <translation>Mandant: %1 · Cloud %2 · API %3</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation>Beantwortet: %1</translation>
    </message>
    <message>
        <source>request-id: %1</source>
        <translation>request-id: %1</translation>
    </message>
    <message>
        <source>client-request-id: %1</source>
        <translation>client-request-id: %1</translation>
    </message>
    <message numerus="yes">
        <source>List before: %n assignment(s); sent: %1 kept + %2 new</source>
        <translation>
            <numerusform>Liste vorher: %n Zuweisung; gesendet: %1 beibehalten + %2 neu</numerusform>
            <numerusform>Liste vorher: %n Zuweisungen; gesendet: %1 beibehalten + %2 neu</numerusform>
        </translation>
    </message>
    <message>
        <source>Operation id: %1</source>
        <translation>Vorgangs-ID: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anforderungs-ID</translation>
    </message>
    <message>
        <source>Undo: delete</source>
        <translation>Rückgängig: Löschen</translation>
    </message>
    <message>
        <source>Undo: send full list</source>
        <translation>Rückgängig: vollständige Liste senden</translation>
    </message>
    <message>
        <source>Undoes the assignment %1 created earlier</source>
        <translation>Macht die zuvor erstellte Zuweisung %1 rückgängig</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>Priorität setzen</translation>
    </message>
</context>
<context>
    <name>ea::ui::MainWindow</name>
    <message>
        <source>Enrollment Assigner</source>
        <translation>Enrollment Assigner</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reload the configurations and the selected configuration&apos;s assignments (%1)</source>
        <translation>Die Konfigurationen und die Zuweisungen der ausgewählten Konfiguration neu laden (%1)</translation>
    </message>
    <message>
        <source>&amp;Filter configurations</source>
        <translation>Konfigurationen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>&amp;Remove assignment…</source>
        <translation>Zuweisung &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Undo…</source>
        <translation>&amp;Rückgängig…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Graph &amp;API:</source>
        <translation>Graph-&amp;API:</translation>
    </message>
    <message>
        <source>Graph API version</source>
        <translation>Graph-API-Version</translation>
    </message>
    <message>
        <source>v1.0 is the supported API; beta adds assignment filters and more configuration types, and may change without notice.</source>
        <translation>v1.0 ist die unterstützte API; beta bietet zusätzlich Zuweisungsfilter und weitere Konfigurationstypen und kann sich ohne Ankündigung ändern.</translation>
    </message>
    <message>
        <source>v1.0</source>
        <translation>v1.0</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>Sandbox tenant notice</source>
        <translation>Hinweis zum Sandbox-Mandanten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox tenant&lt;/b&gt; — nothing here touches a real Intune tenant. Its data is generated and kept in memory until the app closes.</source>
        <translation>&lt;b&gt;Sandbox-Mandant&lt;/b&gt; – nichts hier betrifft einen echten Intune-Mandanten. Seine Daten sind generiert und bleiben im Arbeitsspeicher, bis die App geschlossen wird.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Created assignments</source>
        <translation>Erstellte Zuweisungen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sandbox tenant</source>
        <translation>Sandbox-Mandant</translation>
    </message>
    <message>
        <source>Enrollment Assigner — %1 — %2</source>
        <translation>Enrollment Assigner – %1 – %2</translation>
    </message>
    <message>
        <source>Enrollment Assigner — %1</source>
        <translation>Enrollment Assigner – %1</translation>
    </message>
    <message>
        <source>Tenant: %1 (%2)</source>
        <translation>Mandant: %1 (%2)</translation>
    </message>
    <message>
        <source>Every request goes to %1</source>
        <translation>Jede Anforderung geht an %1</translation>
    </message>
    <message>
        <source>· %1</source>
        <translation>· %1</translation>
    </message>
    <message>
        <source>(cannot write)</source>
        <translation>(kann nicht schreiben)</translation>
    </message>
    <message>
        <source>Graph API: %1</source>
        <translation>Graph-API: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History of writes</source>
        <translation>Verlauf der Schreibvorgänge</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Show the audit journal: every write, its outcome and request-id (%1)</source>
        <translation>Das Überwachungsjournal anzeigen: jeden Schreibvorgang, sein Ergebnis und seine request-id (%1)</translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation>Anforderungs&amp;protokoll</translation>
    </message>
    <message>
        <source>Show every call sent to Graph: status, duration, request-id, headers and bodies (%1)</source>
        <translation>Jeden an Graph gesendeten Aufruf anzeigen: Status, Dauer, request-id, Header und Inhalte (%1)</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anforderungsprotokoll</translation>
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
        <source>&amp;About Enrollment Assigner</source>
        <translation>&amp;Über Enrollment Assigner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the enrollment configurations or the assignments</source>
        <translation>Das Lesen der Registrierungskonfigurationen oder der Zuweisungen beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Copy the request as &amp;curl</source>
        <translation>Die Anforderung als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>Weitere Symbolleistenschaltflächen</translation>
    </message>
    <message>
        <source>Selected configuration</source>
        <translation>Ausgewählte Konfiguration</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n Schreibvorgang</numerusform>
            <numerusform>%n Schreibvorgänge</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the request as &amp;PowerShell</source>
        <translation>Die Anforderung als &amp;PowerShell kopieren</translation>
    </message>
    <message>
        <source>Copy the request as a &amp;Graph Explorer link</source>
        <translation>Die Anforderung als &amp;Graph-Explorer-Link kopieren</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>&amp;Who gets which…</source>
        <translation>&amp;Wer erhält was…</translation>
    </message>
    <message>
        <source>Which enrollment configuration of each type a user or group gets, and why</source>
        <translation>Welche Registrierungskonfiguration jedes Typs ein Benutzer oder eine Gruppe erhält, und warum</translation>
    </message>
    <message>
        <source>&amp;Priority order…</source>
        <translation>&amp;Prioritätsreihenfolge…</translation>
    </message>
    <message>
        <source>Arrange the priority order of the selected configuration&apos;s type</source>
        <translation>Die Prioritätsreihenfolge des Typs der ausgewählten Konfiguration anordnen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Apply &amp;plan…</source>
        <translation>&amp;Plan anwenden…</translation>
    </message>
    <message>
        <source>&amp;Restore assignments…</source>
        <translation>Zuweisungen &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Make the assignments of the configurations in an export file what the file says</source>
        <translation>Die Zuweisungen der Konfigurationen einer Exportdatei so setzen, wie die Datei sie angibt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Group report…</source>
        <translation>&amp;Gruppenbericht…</translation>
    </message>
    <message>
        <source>Every configuration that includes or excludes a group, and what its members get</source>
        <translation>Jede Konfiguration, die eine Gruppe ein- oder ausschließt, und was ihre Mitglieder erhalten</translation>
    </message>
    <message>
        <source>&amp;Copy assignments…</source>
        <translation>Zuweisungen &amp;kopieren…</translation>
    </message>
    <message>
        <source>Copy the assignments of one configuration to another of the same type, in this tenant or from another tenant&apos;s export</source>
        <translation>Die Zuweisungen einer Konfiguration in eine andere desselben Typs kopieren, in diesem Mandanten oder aus dem Export eines anderen Mandanten</translation>
    </message>
    <message>
        <source>Add and remove many assignments from a plan file (CSV, or the JSON that export writes), at the pace Intune allows</source>
        <translation>Viele Zuweisungen aus einer Plandatei hinzufügen und entfernen (CSV oder das JSON, das export schreibt), in dem Tempo, das Intune erlaubt</translation>
    </message>
</context>
<context>
    <name>ea::ui::NewAssignmentPane</name>
    <message>
        <source>New assignment</source>
        <translation>Neue Zuweisung</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>Anforderungsvorschau</translation>
    </message>
    <message>
        <source>The exact request Assign sends: method, URL and JSON body</source>
        <translation>Die genaue Anforderung, die „Zuweisen“ sendet: Methode, URL und JSON-Inhalt</translation>
    </message>
    <message>
        <source>Assignment in progress</source>
        <translation>Zuweisung wird ausgeführt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running request</source>
        <translation>Die laufende Anforderung abbrechen</translation>
    </message>
    <message>
        <source>Send the request shown above (%1)</source>
        <translation>Die oben angezeigte Anforderung senden (%1)</translation>
    </message>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>Copy the request as curl, PowerShell or a Graph Explorer link</source>
        <translation>Die Anforderung als curl, PowerShell oder Graph-Explorer-Link kopieren</translation>
    </message>
    <message>
        <source>Copy this request to run it elsewhere; the token is never included</source>
        <translation>Diese Anforderung kopieren, um sie anderswo auszuführen; das Token ist nie enthalten</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Select an enrollment configuration on the left.</source>
        <translation>Wählen Sie links eine Registrierungskonfiguration aus.</translation>
    </message>
    <message>
        <source>Wait for the running write to finish.</source>
        <translation>Warten Sie, bis der laufende Schreibvorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Reading the current assignments first…</source>
        <translation>Zuerst werden die aktuellen Zuweisungen gelesen…</translation>
    </message>
    <message>
        <source>Ready, but this sign-in lacks the write permission: Intune will likely refuse it (403). Assign asks first.</source>
        <translation>Bereit, aber dieser Anmeldung fehlt die Schreibberechtigung: Intune wird sie wahrscheinlich ablehnen (403). „Zuweisen“ fragt vorher nach.</translation>
    </message>
    <message>
        <source>Ready: Assign tries the request above, then asks before sending the full list.</source>
        <translation>Bereit: „Zuweisen“ versucht die obige Anforderung und fragt nach, bevor die vollständige Liste gesendet wird.</translation>
    </message>
    <message>
        <source>Ready: Assign sends the request above.</source>
        <translation>Bereit: „Zuweisen“ sendet die obige Anforderung.</translation>
    </message>
    <message>
        <source>The request appears here once a configuration is selected.</source>
        <translation>Die Anforderung erscheint hier, sobald eine Konfiguration ausgewählt ist.</translation>
    </message>
    <message>
        <source>The request appears here once a target type is chosen.</source>
        <translation>Die Anforderung erscheint hier, sobald ein Zieltyp gewählt ist.</translation>
    </message>
    <message>
        <source>Request preview:</source>
        <translation>Anforderungsvorschau:</translation>
    </message>
    <message>
        <source>Request preview (not ready to send yet):</source>
        <translation>Anforderungsvorschau (noch nicht sendebereit):</translation>
    </message>
    <message>
        <source>Request that Assign tries first (Intune refuses it for this type; you are then asked before the full list is sent):</source>
        <translation>Anforderung, die „Zuweisen“ zuerst versucht (Intune lehnt sie für diesen Typ ab; Sie werden dann gefragt, bevor die vollständige Liste gesendet wird):</translation>
    </message>
    <message>
        <source>Request that Assign sends:</source>
        <translation>Anforderung, die „Zuweisen“ sendet:</translation>
    </message>
</context>
<context>
    <name>ea::ui::PlanRunView</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Skip: already there</source>
        <translation>Übersprungen: schon vorhanden</translation>
    </message>
    <message>
        <source>Skip: already gone</source>
        <translation>Übersprungen: schon entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Changes, by configuration</source>
        <translation>Änderungen, nach Konfiguration</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Writes done</source>
        <translation>Erledigte Schreibvorgänge</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stops between writes; a write already sent is seen to its end.</source>
        <translation>Hält zwischen Schreibvorgängen an; ein bereits gesendeter Schreibvorgang wird zu Ende verfolgt.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the plan cannot run; nothing was sent.</source>
        <translation>
            <numerusform>%n Zeile des Plans kann nicht ausgeführt werden; nichts wurde gesendet.</numerusform>
            <numerusform>%n Zeilen des Plans können nicht ausgeführt werden; nichts wurde gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>Nicht ausführbar</translation>
    </message>
    <message>
        <source>Reading the configurations of the plan and their assignments…</source>
        <translation>Die Konfigurationen des Plans und ihre Zuweisungen werden gelesen…</translation>
    </message>
    <message>
        <source>Could not read the configurations of the plan</source>
        <translation>Die Konfigurationen des Plans konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n assignment(s) cannot be carried over</source>
        <translation>
            <numerusform>Ausgelassen: %n Zuweisung lässt sich nicht übertragen</numerusform>
            <numerusform>Ausgelassen: %n Zuweisungen lassen sich nicht übertragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(takes only full lists: one write for all its changes)</source>
        <translation>(nimmt nur vollständige Listen: ein Schreibvorgang für alle Änderungen)</translation>
    </message>
    <message>
        <source>with filter %1 (%2)</source>
        <translation>mit Filter %1 (%2)</translation>
    </message>
    <message>
        <source>Nothing to do: the tenant is already as the plan says.</source>
        <translation>Nichts zu tun: Der Mandant ist bereits so, wie der Plan es vorsieht.</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) to send:</source>
        <translation>
            <numerusform>%n Schreibvorgang zu senden:</numerusform>
            <numerusform>%n Schreibvorgänge zu senden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to add, %2 to remove; %n row(s) already as planned.</source>
        <translation>
            <numerusform>%1 hinzuzufügen, %2 zu entfernen; %n Zeile bereits wie geplant.</numerusform>
            <numerusform>%1 hinzuzufügen, %2 zu entfernen; %n Zeilen bereits wie geplant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n write(s)</source>
        <translation>
            <numerusform>%n Schreibvorgang &amp;anwenden</numerusform>
            <numerusform>%n Schreibvorgänge &amp;anwenden</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan was not run</source>
        <translation>Der Plan wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 — about %2 left</source>
        <translation>%1 – noch etwa %2</translation>
    </message>
    <message>
        <source>%1 written, %2 found done already, %3 failed, %4 not run (run %5).</source>
        <translation>%1 geschrieben, %2 bereits erledigt vorgefunden, %3 fehlgeschlagen, %4 nicht ausgeführt (Lauf %5).</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ea::ui::PreferencesDialog</name>
    <message>
        <source>Ask before &amp;removing an assignment</source>
        <translation>Vor dem &amp;Entfernen einer Zuweisung nachfragen</translation>
    </message>
    <message>
        <source>Ask before &amp;undoing an assignment created in this session</source>
        <translation>Vor dem &amp;Rückgängigmachen einer in dieser Sitzung erstellten Zuweisung nachfragen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Graph API version for new sessions</source>
        <translation>Graph-API-Version für neue Sitzungen</translation>
    </message>
    <message>
        <source>v1.0 (supported)</source>
        <translation>v1.0 (unterstützt)</translation>
    </message>
    <message>
        <source>beta (assignment filters, more types)</source>
        <translation>beta (Zuweisungsfilter, weitere Typen)</translation>
    </message>
    <message>
        <source>Timeout of one Graph call, in seconds</source>
        <translation>Zeitlimit eines Graph-Aufrufs in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sending the full list of assignments always asks first: it shows what Intune deletes.</source>
        <translation>Vor dem Senden der vollständigen Zuweisungsliste wird immer nachgefragt: Die Frage zeigt, was Intune löscht.</translation>
    </message>
    <message>
        <source>The toolbar&apos;s Graph API switch changes the current session only; --api-version on the command line overrides this default.</source>
        <translation>Die Graph-API-Auswahl in der Symbolleiste ändert nur die aktuelle Sitzung; --api-version in der Befehlszeile hat Vorrang vor diesem Standard.</translation>
    </message>
    <message>
        <source>Default Graph &amp;API:</source>
        <translation>Standard-Graph-&amp;API:</translation>
    </message>
    <message>
        <source>Graph call &amp;timeout:</source>
        <translation>&amp;Zeitlimit für Graph-Aufrufe:</translation>
    </message>
    <message>
        <source>Save the preferences</source>
        <translation>Die Einstellungen speichern</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Ohne Speichern schließen</translation>
    </message>
    <message>
        <source>Timeout for connecting to Graph, in seconds</source>
        <translation>Zeitlimit für den Verbindungsaufbau zu Graph, in Sekunden</translation>
    </message>
    <message>
        <source>A call that cannot connect in this time was not sent, so it is safely tried again.</source>
        <translation>Ein Aufruf, der in dieser Zeit keine Verbindung bekommt, wurde nicht gesendet und wird daher gefahrlos wiederholt.</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>Zeitlimit für den &amp;Verbindungsaufbau:</translation>
    </message>
    <message>
        <source>Use the &amp;system&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des &amp;Systems verwenden</translation>
    </message>
    <message>
        <source>&amp;No proxy: connect directly</source>
        <translation>&amp;Kein Proxy: direkt verbinden</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>&amp;Manueller Proxy:</translation>
    </message>
    <message>
        <source>Manual proxy address (host:port)</source>
        <translation>Adresse des manuellen Proxys (Host:Port)</translation>
    </message>
    <message>
        <source>proxy.contoso.com:8080</source>
        <translation>proxy.contoso.com:8080</translation>
    </message>
    <message>
        <source>Now: graph.microsoft.com is reached %1 (%2). The https_proxy, http_proxy and no_proxy variables, when set, come before the system&apos;s settings; no_proxy also applies to a manual proxy.</source>
        <translation>Derzeit: graph.microsoft.com wird %1 erreicht (%2). Die Variablen https_proxy, http_proxy und no_proxy gehen, wenn gesetzt, den Systemeinstellungen vor; no_proxy gilt auch für einen manuellen Proxy.</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>Network proxy (sign-in and Graph)</source>
        <translation>Netzwerk-Proxy (Anmeldung und Graph)</translation>
    </message>
    <message>
        <source>as the system&apos;s proxy settings say</source>
        <translation>so, wie es die Proxy-Einstellungen des Systems vorgeben</translation>
    </message>
</context>
<context>
    <name>ea::ui::PriorityDialog</name>
    <message>
        <source>Priority order</source>
        <translation>Prioritätsreihenfolge</translation>
    </message>
    <message>
        <source>Among the configurations of one type that target a user, the lowest priority number wins; the default applies last, to everyone else. Arrange the order on the right; Apply sends one setPriority request per move and reads the order again after each.</source>
        <translation>Unter den Konfigurationen eines Typs, die einen Benutzer erreichen, gewinnt die niedrigste Prioritätsnummer; die Standardkonfiguration gilt zuletzt, für alle anderen. Ordnen Sie die Reihenfolge rechts an; Übernehmen sendet je Verschiebung eine setPriority-Anforderung und liest die Reihenfolge nach jeder erneut.</translation>
    </message>
    <message>
        <source>Configuration type</source>
        <translation>Konfigurationstyp</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read every order from the tenant again</source>
        <translation>Alle Reihenfolgen erneut aus dem Mandanten lesen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>In the tenant:</source>
        <translation>Im Mandanten:</translation>
    </message>
    <message>
        <source>The order as read from the tenant</source>
        <translation>Die Reihenfolge, wie sie aus dem Mandanten gelesen wurde</translation>
    </message>
    <message>
        <source>&amp;Your order (drag, or Ctrl+Up / Ctrl+Down):</source>
        <translation>&amp;Ihre Reihenfolge (ziehen oder Strg+Auf / Strg+Ab):</translation>
    </message>
    <message>
        <source>The order you arrange</source>
        <translation>Die Reihenfolge, die Sie anordnen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Arrange the order as the tenant has it</source>
        <translation>Die Reihenfolge so anordnen, wie der Mandant sie hat</translation>
    </message>
    <message>
        <source>The setPriority requests Apply sends, in order</source>
        <translation>Die setPriority-Anforderungen, die Übernehmen der Reihe nach sendet</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>Anforderungsvorschau</translation>
    </message>
    <message>
        <source>The selected request: method, URL and JSON body</source>
        <translation>Die ausgewählte Anforderung: Methode, URL und JSON-Text</translation>
    </message>
    <message>
        <source>&amp;Copy as</source>
        <translation>&amp;Kopieren als</translation>
    </message>
    <message>
        <source>Copy the selected request as</source>
        <translation>Die ausgewählte Anforderung kopieren als</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the request in flight; the order is read again</source>
        <translation>Nach der laufenden Anforderung anhalten; die Reihenfolge wird erneut gelesen</translation>
    </message>
    <message>
        <source>Reading the orders…</source>
        <translation>Die Reihenfolgen werden gelesen…</translation>
    </message>
    <message>
        <source>Undo priority change: %1</source>
        <translation>Prioritätsänderung rückgängig machen: %1</translation>
    </message>
    <message>
        <source>Could not read the enrollment configurations</source>
        <translation>Die Registrierungskonfigurationen konnten nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n ranked)</source>
        <translation>
            <numerusform>%1 (%n gereiht)</numerusform>
            <numerusform>%1 (%n gereiht)</numerusform>
        </translation>
    </message>
    <message>
        <source>The tenant has no configuration type with a priority order.</source>
        <translation>Der Mandant hat keinen Konfigurationstyp mit Prioritätsreihenfolge.</translation>
    </message>
    <message>
        <source>The configuration whose priority changed is no longer in this order (it may have been deleted): there is nothing to undo.</source>
        <translation>Die Konfiguration, deren Priorität geändert wurde, ist nicht mehr in dieser Reihenfolge (sie wurde möglicherweise gelöscht): Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>“%1” is already at priority %2: there is nothing to undo.</source>
        <translation>„%1“ hat bereits Priorität %2: Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Undo of the change at %1: “%2” goes back to priority %3. Check the request, then Apply.</source>
        <translation>Rückgängigmachen der Änderung von %1: „%2“ kehrt zu Priorität %3 zurück. Prüfen Sie die Anforderung, dann Übernehmen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n configuration(s) that can be ordered: there is nothing to rearrange.</source>
        <translation>
            <numerusform>%1 hat %n Konfiguration, die geordnet werden kann: Es gibt nichts umzuordnen.</numerusform>
            <numerusform>%1 hat %n Konfigurationen, die geordnet werden können: Es gibt nichts umzuordnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>In the tenant (read at %1):</source>
        <translation>Im Mandanten (gelesen um %1):</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Default: %1 (applies last)</source>
        <translation>Standard: %1 (gilt zuletzt)</translation>
    </message>
    <message>
        <source>A default applies last, to everyone no other configuration of its type reaches; its priority cannot be changed.</source>
        <translation>Eine Standardkonfiguration gilt zuletzt, für alle, die keine andere Konfiguration ihres Typs erreicht; ihre Priorität kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>(now %1)</source>
        <translation>(jetzt %1)</translation>
    </message>
    <message>
        <source>%1. “%2” to priority %3</source>
        <translation>%1. „%2“ auf Priorität %3</translation>
    </message>
    <message>
        <source>Requests to send: none (your order is the tenant&apos;s).</source>
        <translation>Zu sendende Anforderungen: keine (Ihre Reihenfolge ist die des Mandanten).</translation>
    </message>
    <message numerus="yes">
        <source>Requests to &amp;send, one at a time: %n setPriority</source>
        <translation>
            <numerusform>Zu &amp;sendende Anforderungen, eine nach der anderen: %n setPriority</numerusform>
            <numerusform>Zu &amp;sendende Anforderungen, eine nach der anderen: %n setPriority</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the order before the first request…</source>
        <translation>Die Reihenfolge wird vor der ersten Anforderung gelesen…</translation>
    </message>
    <message>
        <source>Request %1 of %2 did not complete; the ones before it were applied</source>
        <translation>Anforderung %1 von %2 wurde nicht abgeschlossen; die davor wurden übernommen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s) were applied. The tenant&apos;s order as last read is on the left; Reload before trying again.</source>
        <translation>
            <numerusform>%1 von %n Anforderung wurde übernommen. Die zuletzt gelesene Reihenfolge des Mandanten steht links; laden Sie neu, bevor Sie es erneut versuchen.</numerusform>
            <numerusform>%1 von %n Anforderungen wurden übernommen. Die zuletzt gelesene Reihenfolge des Mandanten steht links; laden Sie neu, bevor Sie es erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>After request %1 of %2 the order read back is not the one planned. Planned: %3. Read: %4. Nothing more was sent (someone else may be changing this order): check the order on the left, arrange again and Apply.</source>
        <translation>Nach Anforderung %1 von %2 ist die zurückgelesene Reihenfolge nicht die geplante. Geplant: %3. Gelesen: %4. Es wurde nichts mehr gesendet (möglicherweise ändert jemand anderes diese Reihenfolge): Prüfen Sie die Reihenfolge links, ordnen Sie erneut an und übernehmen Sie.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n setPriority request(s) sent; the order read at %1 is the one you arranged.</source>
        <translation>
            <numerusform>Fertig: %n setPriority-Anforderung gesendet; die um %1 gelesene Reihenfolge ist die von Ihnen angeordnete.</numerusform>
            <numerusform>Fertig: %n setPriority-Anforderungen gesendet; die um %1 gelesene Reihenfolge ist die von Ihnen angeordnete.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is the order from before the change at %1 again.</source>
        <translation>Es ist wieder die Reihenfolge von vor der Änderung um %1.</translation>
    </message>
    <message>
        <source>It is not the whole order from before the change at %1: other changes were made to this order since; check it.</source>
        <translation>Es ist nicht die ganze Reihenfolge von vor der Änderung um %1: Seitdem wurde diese Reihenfolge anderweitig geändert; prüfen Sie sie.</translation>
    </message>
    <message>
        <source>Nothing was sent</source>
        <translation>Es wurde nichts gesendet</translation>
    </message>
</context>
<context>
    <name>ea::ui::ProfileDialog</name>
    <message>
        <source>Add a tenant profile</source>
        <translation>Mandantenprofil hinzufügen</translation>
    </message>
    <message>
        <source>Edit tenant profile</source>
        <translation>Mandantenprofil bearbeiten</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>e.g. Contoso production</source>
        <translation>z. B. Contoso Produktion</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Tenant id (GUID) or domain, e.g. contoso.onmicrosoft.com</source>
        <translation>Mandanten-ID (GUID) oder Domäne, z. B. contoso.onmicrosoft.com</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Application (client) ID of the app registration</source>
        <translation>Anwendungs-ID (Client-ID) der App-Registrierung</translation>
    </message>
    <message>
        <source>Use Graph Command Line Tools</source>
        <translation>Graph Command Line Tools verwenden</translation>
    </message>
    <message>
        <source>Use the Microsoft Graph Command Line Tools client id</source>
        <translation>Die Client-ID von Microsoft Graph Command Line Tools verwenden</translation>
    </message>
    <message>
        <source>A public client Microsoft publishes (%1); an admin must consent to it in the tenant once.</source>
        <translation>Ein öffentlicher Client, den Microsoft veröffentlicht (%1); ein Administrator muss ihm im Mandanten einmal zustimmen.</translation>
    </message>
    <message>
        <source>Advanced (leave empty for the cloud&apos;s own addresses)</source>
        <translation>Erweitert (leer lassen für die eigenen Adressen der Cloud)</translation>
    </message>
    <message>
        <source>Sign-in URL</source>
        <translation>Anmelde-URL</translation>
    </message>
    <message>
        <source>e.g. https://login.microsoftonline.us</source>
        <translation>z. B. https://login.microsoftonline.us</translation>
    </message>
    <message>
        <source>Graph URL</source>
        <translation>Graph-URL</translation>
    </message>
    <message>
        <source>e.g. https://graph.microsoft.us</source>
        <translation>z. B. https://graph.microsoft.us</translation>
    </message>
    <message>
        <source>Si&amp;gn-in URL:</source>
        <translation>An&amp;melde-URL:</translation>
    </message>
    <message>
        <source>&amp;Graph URL:</source>
        <translation>&amp;Graph-URL:</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Das Profil speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>C&amp;loud:</source>
        <translation>C&amp;loud:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Clear: %1</source>
        <translation>Leeren: %1</translation>
    </message>
</context>
<context>
    <name>ea::ui::ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>Anmeldung am Proxy</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a user name and password before it lets sign-in and Graph requests through.</source>
        <translation>Der Proxy %1 verlangt einen Benutzernamen und ein Kennwort, bevor er Anmelde- und Graph-Anfragen durchlässt.</translation>
    </message>
    <message>
        <source>The proxy refused the user name or password of %1. Check them (Caps Lock?) and try again, or Cancel.</source>
        <translation>Der Proxy hat den Benutzernamen oder das Kennwort von %1 abgelehnt. Prüfen Sie sie (Feststelltaste?) und versuchen Sie es erneut, oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Benutzername für den Proxy</translation>
    </message>
    <message>
        <source>DOMAIN\name or name@domain</source>
        <translation>DOMÄNE\Name oder Name@Domäne</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Kennwort für den Proxy</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>Sign in to the proxy</source>
        <translation>Am Proxy anmelden</translation>
    </message>
    <message>
        <source>Cancel: the request fails with 407</source>
        <translation>Abbrechen: Die Anfrage schlägt mit 407 fehl</translation>
    </message>
</context>
<context>
    <name>ea::ui::RequestLogDock</name>
    <message>
        <source>Request log</source>
        <translation>Anforderungsprotokoll</translation>
    </message>
    <message>
        <source>Copy &amp;request-id</source>
        <translation>&amp;request-id kopieren</translation>
    </message>
    <message>
        <source>Copy the selected call&apos;s request-id, which Microsoft support asks for</source>
        <translation>Die request-id des ausgewählten Aufrufs kopieren, nach der der Microsoft-Support fragt</translation>
    </message>
    <message>
        <source>Copy the request-id</source>
        <translation>Die request-id kopieren</translation>
    </message>
    <message>
        <source>Copy the selected call as curl, PowerShell or a Graph Explorer link</source>
        <translation>Den ausgewählten Aufruf als curl, PowerShell oder Graph-Explorer-Link kopieren</translation>
    </message>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the request log to a file</source>
        <translation>Das Anforderungsprotokoll in eine Datei exportieren</translation>
    </message>
    <message>
        <source>Save every logged call as JSON lines (the token is never in it)</source>
        <translation>Jeden protokollierten Aufruf als JSON-Zeilen speichern (das Token ist nie enthalten)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the request log</source>
        <translation>Das Anforderungsprotokoll leeren</translation>
    </message>
    <message>
        <source>Logged calls</source>
        <translation>Protokollierte Aufrufe</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>retry 0</source>
        <translation>Wiederholung 0</translation>
    </message>
    <message>
        <source>Details of the selected call</source>
        <translation>Details des ausgewählten Aufrufs</translation>
    </message>
    <message>
        <source>Headers (Authorization redacted) and bodies of the call</source>
        <translation>Header (Authorization geschwärzt) und Inhalte des Aufrufs</translation>
    </message>
    <message>
        <source>Select a call to see its headers and bodies.</source>
        <translation>Wählen Sie einen Aufruf aus, um seine Header und Inhalte zu sehen.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide the request log</source>
        <translation>Das Anforderungsprotokoll ausblenden</translation>
    </message>
    <message>
        <source>No calls yet: every request the app sends appears here.</source>
        <translation>Noch keine Aufrufe: Jede Anforderung, die die App sendet, erscheint hier.</translation>
    </message>
    <message>
        <source>Calls: the last %1 of this session</source>
        <translation>Aufrufe: die letzten %1 dieser Sitzung</translation>
    </message>
    <message>
        <source>Calls in this session: %1</source>
        <translation>Aufrufe in dieser Sitzung: %1</translation>
    </message>
    <message>
        <source>Copied request-id %1.</source>
        <translation>request-id %1 kopiert.</translation>
    </message>
    <message>
        <source>Export the request log</source>
        <translation>Das Anforderungsprotokoll exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON-Zeilen (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The request log could not be saved to %1.</source>
        <translation>Das Anforderungsprotokoll konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Saved the request log (%n call(s)) to %1.</source>
        <translation>
            <numerusform>Das Anforderungsprotokoll (%n Aufruf) wurde in %1 gespeichert.</numerusform>
            <numerusform>Das Anforderungsprotokoll (%n Aufrufe) wurde in %1 gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::RequestLogModel</name>
    <message>
        <source>  (none)
</source>
        <translation>  (keine)
</translation>
    </message>
    <message>
        <source>(only the first %1 KiB were kept)
</source>
        <translation>(nur die ersten %1 KiB wurden behalten)
</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>Wiederholung %1</translation>
    </message>
    <message>
        <source>Sent again after a transient failure (Retry-Attempt: %1)</source>
        <translation>Nach einem vorübergehenden Fehler erneut gesendet (Retry-Attempt: %1)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>request-id</source>
        <translation>request-id</translation>
    </message>
    <message>
        <source>client-request-id</source>
        <translation>client-request-id</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Duration: %1 ms</source>
        <translation>Dauer: %1 ms</translation>
    </message>
    <message>
        <source>Retry-Attempt: %1</source>
        <translation>Retry-Attempt: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Anforderungsheader</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anforderungsinhalt</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Antwortheader</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Antwortinhalt</translation>
    </message>
    <message>
        <source>  (not kept: the log keeps the response bodies of its newest calls, %1 KiB in all)
</source>
        <translation>  (nicht aufbewahrt: das Protokoll behält die Antworttexte seiner neuesten Aufrufe, insgesamt %1 KiB)
</translation>
    </message>
</context>
<context>
    <name>ea::ui::RestoreDialog</name>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Replace the list</source>
        <translation>Liste ersetzen</translation>
    </message>
    <message>
        <source>Left out: not in the tenant</source>
        <translation>Ausgelassen: nicht im Mandanten</translation>
    </message>
    <message>
        <source>Left out: a default&apos;s list cannot change</source>
        <translation>Ausgelassen: die Liste einer Standardkonfiguration kann sich nicht ändern</translation>
    </message>
    <message>
        <source>Left out: an entry&apos;s target was empty when exported</source>
        <translation>Ausgelassen: das Ziel eines Eintrags war beim Export leer</translation>
    </message>
    <message>
        <source>Restore assignments</source>
        <translation>Zuweisungen wiederherstellen</translation>
    </message>
    <message>
        <source>Makes the assignments of each configuration in an export file what the file says: one full-list write (POST …/assign) per configuration that differs, each checked by reading it back. Configurations the file does not name are not touched. Nothing is sent before you press Restore.</source>
        <translation>Setzt die Zuweisungen jeder Konfiguration einer Exportdatei so, wie die Datei sie angibt: ein Schreibvorgang mit vollständiger Liste (POST …/assign) je abweichender Konfiguration, jeweils durch Zurücklesen geprüft. Konfigurationen, die die Datei nicht nennt, bleiben unberührt. Nichts wird gesendet, bevor Sie Wiederherstellen drücken.</translation>
    </message>
    <message>
        <source>No file opened.</source>
        <translation>Keine Datei geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Open export file…</source>
        <translation>Exportdatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Restore plan by configuration</source>
        <translation>Wiederherstellungsplan nach Konfiguration</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Restore progress</source>
        <translation>Fortschritt der Wiederherstellung</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the write in flight</source>
        <translation>Nach dem laufenden Schreibvorgang anhalten</translation>
    </message>
    <message>
        <source>Open a file that `export` (or this app) wrote.</source>
        <translation>Öffnen Sie eine Datei, die `export` (oder diese App) geschrieben hat.</translation>
    </message>
    <message>
        <source>Open export file</source>
        <translation>Exportdatei öffnen</translation>
    </message>
    <message>
        <source>Enrollment Assigner export (*.json);;All files (*)</source>
        <translation>Enrollment Assigner-Export (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing was read from the tenant and nothing was sent.</source>
        <translation>Es wurde nichts aus dem Mandanten gelesen und nichts gesendet.</translation>
    </message>
    <message>
        <source>Could not read the tenant&apos;s configurations to plan the restore</source>
        <translation>Die Konfigurationen des Mandanten konnten für die Planung der Wiederherstellung nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading every configuration with its assignments…</source>
        <translation>Alle Konfigurationen mit ihren Zuweisungen werden gelesen…</translation>
    </message>
    <message>
        <source>Add back</source>
        <translation>Wieder hinzufügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>an unnamed tenant</source>
        <translation>einem unbenannten Mandanten</translation>
    </message>
    <message>
        <source>Exported from %1 at %2; restoring into %3. %4.</source>
        <translation>Exportiert aus %1 am %2; Wiederherstellung in %3. %4.</translation>
    </message>
    <message numerus="yes">
        <source>Replace the assignments of %n configuration(s) in %1 with the file&apos;s lists?</source>
        <translation>
            <numerusform>Die Zuweisungen von %n Konfiguration in %1 durch die Listen der Datei ersetzen?</numerusform>
            <numerusform>Die Zuweisungen von %n Konfigurationen in %1 durch die Listen der Datei ersetzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) not in the file will be deleted. Each write is recorded in the History.</source>
        <translation>
            <numerusform>%n Zuweisung, die nicht in der Datei steht, wird gelöscht. Jeder Schreibvorgang wird im Verlauf festgehalten.</numerusform>
            <numerusform>%n Zuweisungen, die nicht in der Datei stehen, werden gelöscht. Jeder Schreibvorgang wird im Verlauf festgehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring %1 of %2: %3…</source>
        <translation>Wiederherstellung %1 von %2: %3…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restore stopped at “%1”; %2 of %3 configurations were restored</source>
        <translation>Wiederherstellung bei „%1“ angehalten; %2 von %3 Konfigurationen wurden wiederhergestellt</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n configuration(s); each list was read back and is the file&apos;s.</source>
        <translation>
            <numerusform>%n Konfiguration wiederhergestellt; jede Liste wurde zurückgelesen und ist die der Datei.</numerusform>
            <numerusform>%n Konfigurationen wiederhergestellt; jede Liste wurde zurückgelesen und ist die der Datei.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 configurations were restored before the stop.</source>
        <translation>%1 von %2 Konfigurationen wurden vor dem Anhalten wiederhergestellt.</translation>
    </message>
    <message>
        <source>Planned again from the tenant: %1.</source>
        <translation>Erneut aus dem Mandanten geplant: %1.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore %n configuration(s)</source>
        <translation>
            <numerusform>%n Konfiguration &amp;wiederherstellen</numerusform>
            <numerusform>%n Konfigurationen &amp;wiederherstellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::SignInController</name>
    <message>
        <source>The token&apos;s claims cannot be read (%1).</source>
        <translation>Die Ansprüche des Tokens können nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>(not in the token)</source>
        <translation>(nicht im Token)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>Tenant id: %1</source>
        <translation>Mandanten-ID: %1</translation>
    </message>
    <message>
        <source>App (client) id: %1</source>
        <translation>App-ID (Client-ID): %1</translation>
    </message>
    <message>
        <source>Access token valid until: %1</source>
        <translation>Zugriffstoken gültig bis: %1</translation>
    </message>
    <message>
        <source>Permissions: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <source>This sign-in has neither DeviceManagementServiceConfig.ReadWrite.All nor DeviceManagementConfiguration.ReadWrite.All, so Intune will most likely refuse the write (403 Forbidden). Grant DeviceManagementServiceConfig.ReadWrite.All (delegated) to the app registration, have an admin consent, then sign in again.</source>
        <translation>Diese Anmeldung hat weder DeviceManagementServiceConfig.ReadWrite.All noch DeviceManagementConfiguration.ReadWrite.All, daher wird Intune den Schreibvorgang höchstwahrscheinlich ablehnen (403 Forbidden). Erteilen Sie der App-Registrierung DeviceManagementServiceConfig.ReadWrite.All (delegiert), lassen Sie einen Administrator zustimmen und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Group search needs Group.Read.All (or GroupMember.Read.All or Directory.Read.All), which this sign-in does not have. Paste the group&apos;s object id instead.</source>
        <translation>Die Gruppensuche benötigt Group.Read.All (oder GroupMember.Read.All oder Directory.Read.All), was diese Anmeldung nicht hat. Fügen Sie stattdessen die Objekt-ID der Gruppe ein.</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be used: %2</source>
        <translation>Das Profil „%1“ kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Wait for the running write to finish before changing the tenant or the sign-in.</source>
        <translation>Warten Sie, bis der laufende Schreibvorgang abgeschlossen ist, bevor Sie den Mandanten oder die Anmeldung wechseln.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Not signed in yet: the first request asks you to sign in.</source>
        <translation>Noch nicht angemeldet: Die erste Anforderung fordert Sie zur Anmeldung auf.</translation>
    </message>
    <message>
        <source>unknown account</source>
        <translation>unbekanntes Konto</translation>
    </message>
    <message>
        <source>Signed out of %1; the saved sign-in was deleted.</source>
        <translation>Von %1 abgemeldet; die gespeicherte Anmeldung wurde gelöscht.</translation>
    </message>
    <message>
        <source>Signed out of %1, but the saved sign-in could not be deleted: %2</source>
        <translation>Von %1 abgemeldet, aber die gespeicherte Anmeldung konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Sign-in not saved</source>
        <translation>Anmeldung nicht gespeichert</translation>
    </message>
    <message>
        <source>The sandbox tenant could not start: %1</source>
        <translation>Der Sandbox-Mandant konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile “%1”?</source>
        <translation>Das Profil „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its saved sign-in is deleted too. Nothing in the tenant changes.</source>
        <translation>Die gespeicherte Anmeldung wird ebenfalls gelöscht. Im Mandanten ändert sich nichts.</translation>
    </message>
    <message>
        <source>Removed the profile “%1”.</source>
        <translation>Das Profil „%1“ wurde entfernt.</translation>
    </message>
    <message>
        <source>Supplied token (%1)</source>
        <translation>Angegebenes Token (%1)</translation>
    </message>
    <message>
        <source>Supplied token for tenant %1 (%2)</source>
        <translation>Angegebenes Token für Mandant %1 (%2)</translation>
    </message>
    <message>
        <source>The sandbox tenant: generated data in memory; no real account is signed in.</source>
        <translation>Der Sandbox-Mandant: generierte Daten im Arbeitsspeicher; kein echtes Konto ist angemeldet.</translation>
    </message>
    <message>
        <source>Not signed in yet.</source>
        <translation>Noch nicht angemeldet.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>No tenant</source>
        <translation>Kein Mandant</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Account &amp;details…</source>
        <translation>Konto&amp;details…</translation>
    </message>
    <message>
        <source>S&amp;witch tenant</source>
        <translation>Mandanten &amp;wechseln</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>Profil &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>Profil &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation>Profil &amp;entfernen…</translation>
    </message>
    <message>
        <source>Use an access &amp;token…</source>
        <translation>Ein Zugriffs&amp;token verwenden…</translation>
    </message>
    <message>
        <source>Explore the sand&amp;box tenant</source>
        <translation>Den Sand&amp;box-Mandanten erkunden</translation>
    </message>
    <message>
        <source>&amp;Sign in to %1…</source>
        <translation>Bei %1 &amp;anmelden…</translation>
    </message>
    <message>
        <source>No profiles yet</source>
        <translation>Noch keine Profile</translation>
    </message>
</context>
<context>
    <name>ea::ui::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sign in to %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Bei %1 anmelden&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>Die Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Mit dem Browser anmelden</translation>
    </message>
    <message>
        <source>Opens the sign-in page in your default browser; it comes back here when you are done.</source>
        <translation>Öffnet die Anmeldeseite in Ihrem Standardbrowser; danach geht es hier weiter.</translation>
    </message>
    <message>
        <source>Sign in with a device code</source>
        <translation>Mit einem Gerätecode anmelden</translation>
    </message>
    <message>
        <source>Shows a code to enter at a Microsoft page on any device: for a browser on another computer or phone, or when this one cannot open one.</source>
        <translation>Zeigt einen Code, den Sie auf einer Microsoft-Seite auf einem beliebigen Gerät eingeben: für einen Browser auf einem anderen Computer oder Telefon, oder wenn dieser Computer keinen öffnen kann.</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>Warten auf den Browser</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>Den Anmeldelink kopieren</translation>
    </message>
    <message>
        <source>If no browser opened: paste the link into a browser on this computer (the answer comes back to this computer only).</source>
        <translation>Falls sich kein Browser geöffnet hat: Fügen Sie den Link in einen Browser auf diesem Computer ein (die Antwort kommt nur auf diesen Computer zurück).</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link kopiert</translation>
    </message>
    <message>
        <source>On any device, open this page and enter the code:</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät diese Seite und geben Sie den Code ein:</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Anmeldeseite</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the page address</source>
        <translation>Die Seitenadresse kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the page in the browser</source>
        <translation>Die Seite im Browser öffnen</translation>
    </message>
    <message>
        <source>Code to enter</source>
        <translation>Einzugebender Code</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Den Code kopieren</translation>
    </message>
    <message>
        <source>Waiting for the approval</source>
        <translation>Warten auf die Bestätigung</translation>
    </message>
    <message>
        <source>Show the error details</source>
        <translation>Die Fehlerdetails anzeigen</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>The sign-in service&apos;s code, description, trace and correlation ids</source>
        <translation>Code, Beschreibung, Ablaufverfolgungs- und Korrelations-ID des Anmeldedienstes</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Try the sign-in again</source>
        <translation>Die Anmeldung erneut versuchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Waiting for the browser… Finish the sign-in in the browser window that opened; this window continues by itself. It waits until %1.</source>
        <translation>Warten auf den Browser… Schließen Sie die Anmeldung im geöffneten Browserfenster ab; dieses Fenster fährt von selbst fort. Es wartet bis %1.</translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the sign-in link and open it in a browser on this computer; this window continues by itself.</source>
        <translation>Es konnte kein Browser geöffnet werden. Kopieren Sie den Anmeldelink und öffnen Sie ihn in einem Browser auf diesem Computer; dieses Fenster fährt von selbst fort.</translation>
    </message>
    <message>
        <source>The browser came back; completing the sign-in…</source>
        <translation>Der Browser hat geantwortet; die Anmeldung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Asking the sign-in service for a code…</source>
        <translation>Der Anmeldedienst wird nach einem Code gefragt…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in there… The code expires at %1.</source>
        <translation>Warten darauf, dass Sie sich dort anmelden… Der Code läuft um %1 ab.</translation>
    </message>
</context>
<context>
    <name>ea::ui::TargetPicker</name>
    <message>
        <source>Target type</source>
        <translation>Zieltyp</translation>
    </message>
    <message>
        <source>Choose a target type…</source>
        <translation>Zieltyp wählen…</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>Include group</source>
        <translation>Gruppe einschließen</translation>
    </message>
    <message>
        <source>Exclude group</source>
        <translation>Gruppe ausschließen</translation>
    </message>
    <message>
        <source>Configuration Manager collection</source>
        <translation>Configuration Manager-Sammlung</translation>
    </message>
    <message>
        <source>Choose what the configuration is assigned to.</source>
        <translation>Wählen Sie, wem die Konfiguration zugewiesen wird.</translation>
    </message>
    <message>
        <source>Configuration Manager collection id</source>
        <translation>Configuration Manager-Sammlungs-ID</translation>
    </message>
    <message>
        <source>Collection id, e.g. SMS00001</source>
        <translation>Sammlungs-ID, z. B. SMS00001</translation>
    </message>
    <message>
        <source>&amp;Target type:</source>
        <translation>&amp;Zieltyp:</translation>
    </message>
    <message>
        <source>Every device in the tenant.</source>
        <translation>Jedes Gerät im Mandanten.</translation>
    </message>
    <message>
        <source>Every licensed user in the tenant.</source>
        <translation>Jeder lizenzierte Benutzer im Mandanten.</translation>
    </message>
    <message>
        <source>✓ A well-formed collection id. Graph does not check that it exists.</source>
        <translation>✓ Eine wohlgeformte Sammlungs-ID. Graph prüft nicht, ob sie existiert.</translation>
    </message>
    <message>
        <source>Clear the collection id</source>
        <translation>Sammlungs-ID leeren</translation>
    </message>
</context>
<context>
    <name>ea::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Enrollment Assigner</source>
        <translation>Willkommen bei Enrollment Assigner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;Enrollment Assigner assigns Intune device enrollment configurations (enrollment restrictions, Windows Hello for Business, Enrollment Status Pages, …) to groups through Microsoft Graph.&lt;/p&gt;&lt;p&gt;Where would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Willkommen&lt;/h3&gt;&lt;p&gt;Enrollment Assigner weist Intune-Registrierungskonfigurationen für Geräte (Registrierungsbeschränkungen, Windows Hello for Business, Seiten zum Registrierungsstatus, …) über Microsoft Graph Gruppen zu.&lt;/p&gt;&lt;p&gt;Womit möchten Sie beginnen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign in to a tenant</source>
        <translation>Bei einem Mandanten anmelden</translation>
    </message>
    <message>
        <source>Add a profile for your tenant (tenant, cloud, app registration) and sign in with the browser or a device code. Changes made here are real.</source>
        <translation>Fügen Sie ein Profil für Ihren Mandanten hinzu (Mandant, Cloud, App-Registrierung) und melden Sie sich mit dem Browser oder einem Gerätecode an. Änderungen hier sind echt.</translation>
    </message>
    <message>
        <source>Explore the sandbox tenant</source>
        <translation>Den Sandbox-Mandanten erkunden</translation>
    </message>
    <message>
        <source>A generated tenant kept in memory: try every feature without touching a real tenant.</source>
        <translation>Ein generierter Mandant im Arbeitsspeicher: Probieren Sie jede Funktion aus, ohne einen echten Mandanten zu berühren.</translation>
    </message>
    <message>
        <source>Close; choose later from the Account menu</source>
        <translation>Schließen; später im Menü „Konto“ wählen</translation>
    </message>
    <message>
        <source>Both choices stay in the Account menu.</source>
        <translation>Beide Möglichkeiten bleiben im Menü „Konto“.</translation>
    </message>
</context>
<context>
    <name>ea::ui::WriteController</name>
    <message>
        <source>Created assignment %1 by sending the full list (%2 kept); verified by a re-read (request-id %3).</source>
        <translation>Zuweisung %1 durch Senden der vollständigen Liste erstellt (%2 beibehalten); durch erneutes Lesen überprüft (request-id %3).</translation>
    </message>
    <message>
        <source>Created assignment %1 (request-id %2).</source>
        <translation>Zuweisung %1 erstellt (request-id %2).</translation>
    </message>
    <message>
        <source>Cancelled: the full list was not sent; nothing changed.</source>
        <translation>Abgebrochen: Die vollständige Liste wurde nicht gesendet; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cancelled. Re-reading the assignments to show whether it was created.</source>
        <translation>Abgebrochen. Die Zuweisungen werden erneut gelesen, um zu zeigen, ob sie erstellt wurde.</translation>
    </message>
    <message>
        <source>Could not create the assignment</source>
        <translation>Die Zuweisung konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Removed the assignment of “%1” to %2.</source>
        <translation>Die Zuweisung von „%1“ an %2 wurde entfernt.</translation>
    </message>
    <message>
        <source>Cancelled. Re-reading the assignments to show whether it was removed.</source>
        <translation>Abgebrochen. Die Zuweisungen werden erneut gelesen, um zu zeigen, ob sie entfernt wurde.</translation>
    </message>
    <message>
        <source>Could not remove the assignment</source>
        <translation>Die Zuweisung konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Undo cancelled: the full list was not sent; nothing changed.</source>
        <translation>Rückgängigmachen abgebrochen: Die vollständige Liste wurde nicht gesendet; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Undo cancelled. Re-reading the assignments.</source>
        <translation>Rückgängigmachen abgebrochen. Die Zuweisungen werden erneut gelesen.</translation>
    </message>
    <message>
        <source>Could not undo the assignment</source>
        <translation>Die Zuweisung konnte nicht rückgängig gemacht werden</translation>
    </message>
    <message>
        <source>Missing permission</source>
        <translation>Fehlende Berechtigung</translation>
    </message>
    <message>
        <source>The write will likely be refused.</source>
        <translation>Der Schreibvorgang wird wahrscheinlich abgelehnt.</translation>
    </message>
    <message>
        <source>Assign anyway</source>
        <translation>Trotzdem zuweisen</translation>
    </message>
    <message>
        <source>Intune refused to add a single assignment to “%1” (%2): it accepts this type&apos;s assignments only as one complete list, and whatever the list leaves out is deleted. Nothing has been changed yet.</source>
        <translation>Intune hat es abgelehnt, „%1“ (%2) eine einzelne Zuweisung hinzuzufügen: Zuweisungen dieses Typs werden nur als eine vollständige Liste akzeptiert, und alles, was die Liste auslässt, wird gelöscht. Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Die Anforderung wird gesendet…</translation>
    </message>
    <message>
        <source>Intune stops applying the configuration to this target. The removal is recorded in the History.</source>
        <translation>Intune wendet die Konfiguration nicht mehr auf dieses Ziel an. Das Entfernen wird im Verlauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>Intune may accept this only as a full list; if so, you are asked again before anything is sent.</source>
        <translation>Intune akzeptiert dies möglicherweise nur als vollständige Liste; in diesem Fall werden Sie erneut gefragt, bevor etwas gesendet wird.</translation>
    </message>
    <message>
        <source>Assignment id: %1</source>
        <translation>Zuweisungs-ID: %1</translation>
    </message>
    <message>
        <source>Remove assignment</source>
        <translation>Zuweisung entfernen</translation>
    </message>
    <message>
        <source>Remove the assignment of “%1” to %2?</source>
        <translation>Die Zuweisung von „%1“ an %2 entfernen?</translation>
    </message>
    <message>
        <source>Intune refused to delete the single assignment from “%1” (%2): it accepts this type&apos;s assignments only as one complete list. The list below leaves out %3. Nothing has been changed yet.</source>
        <translation>Intune hat es abgelehnt, die einzelne Zuweisung aus „%1“ (%2) zu löschen: Zuweisungen dieses Typs werden nur als eine vollständige Liste akzeptiert. Die Liste unten lässt %3 aus. Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Removing the assignment to %1…</source>
        <translation>Die Zuweisung an %1 wird entfernt…</translation>
    </message>
    <message>
        <source>Undo assignment</source>
        <translation>Zuweisung rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the assignment of “%1” to %2, created at %3?</source>
        <translation>Die um %3 erstellte Zuweisung von „%1“ an %2 rückgängig machen?</translation>
    </message>
    <message>
        <source>The assignment is deleted. The removal is recorded in the History.</source>
        <translation>Die Zuweisung wird gelöscht. Das Entfernen wird im Verlauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>Undo restores the list of assignments “%1” had before %2. Assignments not in that list — the one created then, and any added since — are deleted; they are marked “Removed” below. Nothing has been changed yet.</source>
        <translation>Rückgängig stellt die Liste der Zuweisungen wieder her, die „%1“ vor %2 hatte. Zuweisungen, die nicht in dieser Liste sind – die damals erstellte und alle seitdem hinzugefügten –, werden gelöscht; sie sind unten als „Entfernt“ markiert. Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Intune refused to delete the single assignment from “%1”: it accepts this type&apos;s assignments only as one complete list. The list below leaves out %2. Nothing has been changed yet.</source>
        <translation>Intune hat es abgelehnt, die einzelne Zuweisung aus „%1“ zu löschen: Zuweisungen dieses Typs werden nur als eine vollständige Liste akzeptiert. Die Liste unten lässt %2 aus. Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Undoing the assignment to %1…</source>
        <translation>Die Zuweisung an %1 wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Waiting for your answer: send the full list?</source>
        <translation>Warten auf Ihre Antwort: die vollständige Liste senden?</translation>
    </message>
    <message>
        <source>Sending the full list…</source>
        <translation>Die vollständige Liste wird gesendet…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--%1 takes a number from 0 to 1000000.</source>
        <translation>--%1 erwartet eine Zahl von 0 bis 1000000.</translation>
    </message>
    <message>
        <source>Assigns Intune device enrollment configurations through Microsoft Graph.
Sign in to a tenant from the Account menu; an access token in the environment variable
GRAPH_ACCESS_TOKEN is used instead when set.</source>
        <translation>Weist Intune-Registrierungskonfigurationen für Geräte über Microsoft Graph zu.
Melden Sie sich über das Menü „Konto“ bei einem Mandanten an; ist die Umgebungsvariable
GRAPH_ACCESS_TOKEN gesetzt, wird stattdessen das Zugriffstoken daraus verwendet.</translation>
    </message>
    <message>
        <source>Open the built-in sandbox tenant.</source>
        <translation>Den integrierten Sandbox-Mandanten öffnen.</translation>
    </message>
    <message>
        <source>Add N generated configurations to the sandbox tenant.</source>
        <translation>N generierte Konfigurationen zum Sandbox-Mandanten hinzufügen.</translation>
    </message>
    <message>
        <source>Add N generated groups to the sandbox tenant.</source>
        <translation>N generierte Gruppen zum Sandbox-Mandanten hinzufügen.</translation>
    </message>
    <message>
        <source>Graph root URL (default https://graph.microsoft.com).</source>
        <translation>Graph-Stamm-URL (Standard https://graph.microsoft.com).</translation>
    </message>
    <message>
        <source>v1.0 (default) or beta.</source>
        <translation>v1.0 (Standard) oder beta.</translation>
    </message>
    <message>
        <source>Sign in to the sandbox tenant through its own sign-in endpoints.</source>
        <translation>Beim Sandbox-Mandanten über dessen eigene Anmeldeendpunkte anmelden.</translation>
    </message>
    <message>
        <source>--sandbox and --sandbox-sign-in cannot be used together.</source>
        <translation>--sandbox und --sandbox-sign-in können nicht zusammen verwendet werden.</translation>
    </message>
    <message>
        <source>--sandbox and --graph-url cannot be used together.</source>
        <translation>--sandbox und --graph-url können nicht zusammen verwendet werden.</translation>
    </message>
    <message>
        <source>--sandbox-configs and --sandbox-groups need --sandbox.</source>
        <translation>--sandbox-configs und --sandbox-groups erfordern --sandbox.</translation>
    </message>
    <message>
        <source>--api-version takes v1.0 or beta, not &apos;%1&apos;.</source>
        <translation>--api-version erwartet v1.0 oder beta, nicht „%1“.</translation>
    </message>
    <message>
        <source>sandbox sign-in: tokens are kept in memory for this session only</source>
        <translation>Sandbox-Anmeldung: Token werden nur für diese Sitzung im Arbeitsspeicher gehalten</translation>
    </message>
    <message>
        <source>Sandbox tenant</source>
        <translation>Sandbox-Mandant</translation>
    </message>
    <message>
        <source>The sandbox tenant could not start: %1</source>
        <translation>Der Sandbox-Mandant konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Sandbox sign-in</source>
        <translation>Sandbox-Anmeldung</translation>
    </message>
    <message>
        <source>--graph-url: %1</source>
        <translation>--graph-url: %1</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Konnte den Screenshot nicht in %1 schreiben.</translation>
    </message>
    <message>
        <source>Show the user interface in LANGUAGE (for example de or en) instead of the system&apos;s language.</source>
        <translation>Die Benutzeroberfläche in LANGUAGE (zum Beispiel de oder en) statt in der Sprache des Systems anzeigen.</translation>
    </message>
    <message>
        <source>dark, light or system (default; also EA_COLOR_SCHEME). Forces the colour scheme, for example for screenshots.</source>
        <translation>dark, light oder system (Standard; auch EA_COLOR_SCHEME). Erzwingt das Farbschema, zum Beispiel für Screenshots.</translation>
    </message>
    <message>
        <source>--color-scheme takes dark, light or system, not &apos;%1&apos;.</source>
        <translation>--color-scheme erwartet dark, light oder system, nicht „%1“.</translation>
    </message>
    <message>
        <source>--graph-url %1: a saved sign-in&apos;s token is sent only to the Graph of its own cloud, never to another address. To use this Graph URL, put an access token for it in the environment variable GRAPH_ACCESS_TOKEN; otherwise leave --graph-url out.</source>
        <translation>--graph-url %1: Das Token einer gespeicherten Anmeldung wird nur an den Graph ihrer eigenen Cloud gesendet, nie an eine andere Adresse. Um diese Graph-URL zu verwenden, legen Sie ein Zugriffstoken dafür in der Umgebungsvariablen GRAPH_ACCESS_TOKEN ab; lassen Sie --graph-url andernfalls weg.</translation>
    </message>
    <message>
        <source>Once the configurations are loaded, save the window to PATH (PNG) and quit (exit 1 if they could not be loaded).</source>
        <translation>Sobald die Konfigurationen geladen sind, das Fenster unter PATH (PNG) speichern und beenden (Exit-Code 1, wenn sie nicht geladen werden konnten).</translation>
    </message>
    <message>
        <source>GRAPH_ACCESS_TOKEN: %1</source>
        <translation>GRAPH_ACCESS_TOKEN: %1</translation>
    </message>
    <message>
        <source>The configurations could not be loaded; the screenshot shows why.</source>
        <translation>Die Konfigurationen konnten nicht geladen werden; der Screenshot zeigt, warum.</translation>
    </message>
</context>
</TS>
