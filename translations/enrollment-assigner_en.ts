<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CopyEnds</name>
    <message numerus="yes">
        <source>%n configuration(s) here are of the source&apos;s type and named &apos;%1&apos;; choose the target by hand.</source>
        <translation>
            <numerusform>%n configuration here is of the source&apos;s type and named &apos;%1&apos;; choose the target by hand.</numerusform>
            <numerusform>%n configurations here are of the source&apos;s type and named &apos;%1&apos;; choose the target by hand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupReport</name>
    <message numerus="yes">
        <source>%n enrollment configuration(s) with their assignments</source>
        <translation>
            <numerusform>%n enrollment configuration with its assignments</numerusform>
            <numerusform>%n enrollment configurations with their assignments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFile</name>
    <message numerus="yes">
        <source>The export holds no assignment a plan can add (%n left out, listed).</source>
        <translation>
            <numerusform>The export holds no assignment a plan can add (%n left out, listed).</numerusform>
            <numerusform>The export holds no assignment a plan can add (%n left out, listed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestorePlan</name>
    <message numerus="yes">
        <source>%n configuration(s) in the file: %1 to replace, %2 unchanged</source>
        <translation>
            <numerusform>%n configuration in the file: %1 to replace, %2 unchanged</numerusform>
            <numerusform>%n configurations in the file: %1 to replace, %2 unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not in the tenant (left out)</source>
        <translation>
            <numerusform>; %n not in the tenant (left out)</numerusform>
            <numerusform>; %n not in the tenant (left out)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n default(s) that differ (Intune takes no changes to a default&apos;s assignments; left out)</source>
        <translation>
            <numerusform>; %n default that differs (Intune takes no changes to a default&apos;s assignments; left out)</numerusform>
            <numerusform>; %n defaults that differ (Intune takes no changes to a default&apos;s assignments; left out)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n with an entry whose target was empty when exported (sending it would break it; left out)</source>
        <translation>
            <numerusform>; %n with an entry whose target was empty when exported (sending it would break it; left out)</numerusform>
            <numerusform>; %n with an entry whose target was empty when exported (sending it would break it; left out)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::AssignmentService</name>
    <message numerus="yes">
        <source>%n existing</source>
        <translation>
            <numerusform>%n existing</numerusform>
            <numerusform>%n existing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) will be removed.</source>
        <translation>
            <numerusform>%n assignment will be removed.</numerusform>
            <numerusform>%n assignments will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>full list of %n</source>
        <translation>
            <numerusform>full list of %n</numerusform>
            <numerusform>full list of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; the write did not land; checking again and resending in %n s…</source>
        <translation>
            <numerusform>%1; the write did not land; checking again and resending in %n s…</numerusform>
            <numerusform>%1; the write did not land; checking again and resending in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The write&apos;s outcome is not visible yet; looking again in %n s…</source>
        <translation>
            <numerusform>The write&apos;s outcome is not visible yet; looking again in %n s…</numerusform>
            <numerusform>The write&apos;s outcome is not visible yet; looking again in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created after %n throttled attempt(s)</source>
        <translation>
            <numerusform>Created after %n throttled attempt</numerusform>
            <numerusform>Created after %n throttled attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Priority %1 is out of range: %2 has %n configuration(s) that can be ordered, so the priority is 1 to %n. Nothing was sent.</source>
        <translation>
            <numerusform>Priority %1 is out of range: %2 has %n configuration that can be ordered, so the priority is 1 to %n. Nothing was sent.</numerusform>
            <numerusform>Priority %1 is out of range: %2 has %n configurations that can be ordered, so the priority is 1 to %n. Nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set after %n throttled attempt(s).</source>
        <translation>
            <numerusform>Set after %n throttled attempt.</numerusform>
            <numerusform>Set after %n throttled attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The order asked for is not a rearrangement of the %n configuration(s) of %1 that can be ordered. Nothing was sent.</source>
        <translation>
            <numerusform>The order asked for is not a rearrangement of the %n configuration of %1 that can be ordered. Nothing was sent.</numerusform>
            <numerusform>The order asked for is not a rearrangement of the %n configurations of %1 that can be ordered. Nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keeping under Intune&apos;s write limit; sending in %n s…</source>
        <translation>
            <numerusform>Keeping under Intune&apos;s write limit; sending in %n s…</numerusform>
            <numerusform>Keeping under Intune&apos;s write limit; sending in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::PlanRunner</name>
    <message numerus="yes">
        <source>The plan has %n row(s) that cannot run; nothing was sent.</source>
        <translation>
            <numerusform>The plan has %n row that cannot run; nothing was sent.</numerusform>
            <numerusform>The plan has %n rows that cannot run; nothing was sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ReportService</name>
    <message numerus="yes">
        <source>Reading the names of %n group(s)…</source>
        <translation>
            <numerusform>Reading the name of %n group…</numerusform>
            <numerusform>Reading the names of %n groups…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::auth::BrowserSignInFlow</name>
    <message numerus="yes">
        <source>No sign-in answer came back from the browser within %n minute(s).</source>
        <translation>
            <numerusform>No sign-in answer came back from the browser within %n minute.</numerusform>
            <numerusform>No sign-in answer came back from the browser within %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::CopyDialog</name>
    <message numerus="yes">
        <source>%1 — %2 (%n assignment(s))</source>
        <translation>
            <numerusform>%1 — %2 (%n assignment)</numerusform>
            <numerusform>%1 — %2 (%n assignments)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n group(s) mapped; others by display name)</source>
        <translation>
            <numerusform>%1 (%n group mapped; others by display name)</numerusform>
            <numerusform>%1 (%n groups mapped; others by display name)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::CreatedAssignmentTableModel</name>
    <message numerus="yes">
        <source>Intune accepted this only as a full list (POST …/assign); undo restores the %n assignment(s) the configuration had before.</source>
        <translation>
            <numerusform>Intune accepted this only as a full list (POST …/assign); undo restores the %n assignment the configuration had before.</numerusform>
            <numerusform>Intune accepted this only as a full list (POST …/assign); undo restores the %n assignments the configuration had before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after %n throttled attempt(s)</source>
        <translation>
            <numerusform>after %n throttled attempt</numerusform>
            <numerusform>after %n throttled attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Intune said “not now” (HTTP 429 or 503) %n time(s); each time a re-read showed the write had not landed before it was sent again.</source>
        <translation>
            <numerusform>Intune said “not now” (HTTP 429 or 503) %n time; each time a re-read showed the write had not landed before it was sent again.</numerusform>
            <numerusform>Intune said “not now” (HTTP 429 or 503) %n times; each time a re-read showed the write had not landed before it was sent again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::EffectiveDialog</name>
    <message numerus="yes">
        <source>%1: member of %n group(s), nested ones included; %2 configurations read.</source>
        <translation>
            <numerusform>%1: member of %n group, nested ones included; %2 configurations read.</numerusform>
            <numerusform>%1: member of %n groups, nested ones included; %2 configurations read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::GroupReportDialog</name>
    <message numerus="yes">
        <source>%1: %n assignment(s) name the group or a group it is nested in.</source>
        <translation>
            <numerusform>%1: %n assignment names the group or a group it is nested in.</numerusform>
            <numerusform>%1: %n assignments name the group or a group it is nested in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::HistoryPane</name>
    <message numerus="yes">
        <source>· %n interrupted (outcome unknown): check those assignments</source>
        <translation>
            <numerusform>· %n interrupted (outcome unknown): check that assignment</numerusform>
            <numerusform>· %n interrupted (outcome unknown): check those assignments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n unreadable line(s) skipped</source>
        <translation>
            <numerusform>· %n unreadable line skipped</numerusform>
            <numerusform>· %n unreadable lines skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::HistoryTableModel</name>
    <message numerus="yes">
        <source>List before: %n assignment(s); sent: %1 kept + %2 new</source>
        <translation>
            <numerusform>List before: %n assignment; sent: %1 kept + %2 new</numerusform>
            <numerusform>List before: %n assignments; sent: %1 kept + %2 new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n write</numerusform>
            <numerusform>%n writes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::PlanRunView</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the plan cannot run; nothing was sent.</source>
        <translation>
            <numerusform>%n row of the plan cannot run; nothing was sent.</numerusform>
            <numerusform>%n rows of the plan cannot run; nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n assignment(s) cannot be carried over</source>
        <translation>
            <numerusform>Left out: %n assignment cannot be carried over</numerusform>
            <numerusform>Left out: %n assignments cannot be carried over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) to send:</source>
        <translation>
            <numerusform>%n write to send:</numerusform>
            <numerusform>%n writes to send:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to add, %2 to remove; %n row(s) already as planned.</source>
        <translation>
            <numerusform>%1 to add, %2 to remove; %n row already as planned.</numerusform>
            <numerusform>%1 to add, %2 to remove; %n rows already as planned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n write(s)</source>
        <translation>
            <numerusform>&amp;Apply %n write</numerusform>
            <numerusform>&amp;Apply %n writes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::PriorityDialog</name>
    <message numerus="yes">
        <source>%1 (%n ranked)</source>
        <translation>
            <numerusform>%1 (%n ranked)</numerusform>
            <numerusform>%1 (%n ranked)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n configuration(s) that can be ordered: there is nothing to rearrange.</source>
        <translation>
            <numerusform>%1 has %n configuration that can be ordered: there is nothing to rearrange.</numerusform>
            <numerusform>%1 has %n configurations that can be ordered: there is nothing to rearrange.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests to &amp;send, one at a time: %n setPriority</source>
        <translation>
            <numerusform>Requests to &amp;send, one at a time: %n setPriority</numerusform>
            <numerusform>Requests to &amp;send, one at a time: %n setPriority</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s) were applied. The tenant&apos;s order as last read is on the left; Reload before trying again.</source>
        <translation>
            <numerusform>%1 of %n request was applied. The tenant&apos;s order as last read is on the left; Reload before trying again.</numerusform>
            <numerusform>%1 of %n requests were applied. The tenant&apos;s order as last read is on the left; Reload before trying again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n setPriority request(s) sent; the order read at %1 is the one you arranged.</source>
        <translation>
            <numerusform>Done: %n setPriority request sent; the order read at %1 is the one you arranged.</numerusform>
            <numerusform>Done: %n setPriority requests sent; the order read at %1 is the one you arranged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::RequestLogDock</name>
    <message numerus="yes">
        <source>Saved the request log (%n call(s)) to %1.</source>
        <translation>
            <numerusform>Saved the request log (%n call) to %1.</numerusform>
            <numerusform>Saved the request log (%n calls) to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ea::ui::RestoreDialog</name>
    <message numerus="yes">
        <source>Replace the assignments of %n configuration(s) in %1 with the file&apos;s lists?</source>
        <translation>
            <numerusform>Replace the assignments of %n configuration in %1 with the file&apos;s list?</numerusform>
            <numerusform>Replace the assignments of %n configurations in %1 with the file&apos;s lists?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) not in the file will be deleted. Each write is recorded in the History.</source>
        <translation>
            <numerusform>%n assignment not in the file will be deleted. Each write is recorded in the History.</numerusform>
            <numerusform>%n assignments not in the file will be deleted. Each write is recorded in the History.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n configuration(s); each list was read back and is the file&apos;s.</source>
        <translation>
            <numerusform>Restored %n configuration; its list was read back and is the file&apos;s.</numerusform>
            <numerusform>Restored %n configurations; each list was read back and is the file&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore %n configuration(s)</source>
        <translation>
            <numerusform>&amp;Restore %n configuration</numerusform>
            <numerusform>&amp;Restore %n configurations</numerusform>
        </translation>
    </message>
</context>
</TS>
