#include "models/DisplayText.h"

namespace ea::ui {

QString DisplayText::deletedGroup()
{
    return tr("Deleted group");
}

QString DisplayText::groupName(const GroupName *name)
{
    if (!name)
        return {};
    if (name->deleted)
        return deletedGroup();
    return name->displayName;
}

QString DisplayText::source(const QString &source)
{
    if (source.isEmpty())
        return {};
    if (source == u"direct")
        return tr("Direct");
    if (source == u"policySets")
        return tr("Policy set");
    return source;
}

QString DisplayText::filterPlatform(const QString &platform, Length length)
{
    const bool full = length == Full;
    if (platform == u"windows10AndLater")
        return full ? tr("Windows 10 and later") : tr("Windows");
    if (platform == u"iOS")
        return tr("iOS/iPadOS");
    if (platform == u"macOS")
        return tr("macOS");
    if (platform == u"androidForWork")
        return full ? tr("Android Enterprise") : tr("Android Ent.");
    if (platform == u"android")
        return full ? tr("Android device administrator") : tr("Android DA");
    if (platform == u"androidAOSP")
        return full ? tr("Android (AOSP)") : tr("AOSP");
    return platform;
}

QString DisplayText::filter(const AssignmentTarget &target, const QString &filterName)
{
    if (!target.hasFilter())
        return {};
    const QString name = filterName.isEmpty() ? target.filterId() : filterName;
    return target.filterMode() == AssignmentTarget::FilterMode::Include ? tr("Include: %1").arg(name)
                                                                        : tr("Exclude: %1").arg(name);
}

QString DisplayText::targetInSentence(const AssignmentTarget &target, const QString &groupName, bool groupDeleted)
{
    using Kind = AssignmentTarget::Kind;
    QString group;
    if (target.isGroupTarget()) {
        if (groupDeleted)
            group = tr("%1 (a deleted group)").arg(target.groupId());
        else if (groupName.isEmpty())
            group = target.groupId();
        else
            group = tr("“%1” (%2)").arg(groupName, target.groupId());
    }
    switch (target.kind()) {
    case Kind::AllDevices: return tr("all devices");
    case Kind::AllLicensedUsers: return tr("all users");
    case Kind::IncludeGroup: return tr("the included group %1").arg(group);
    case Kind::ExcludeGroup: return tr("the excluded group %1").arg(group);
    case Kind::ConfigMgrCollection: return tr("the Configuration Manager collection %1").arg(target.collectionId());
    case Kind::Unknown: break;
    }
    return tr("an unknown target");
}

} // namespace ea::ui
