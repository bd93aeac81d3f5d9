<#ftl output_format="plainText">
<#import "orgbridge-notification.ftl" as orgbridge>
<#if reason == "quarantined">
${msg("orgbridgeTargetQuarantinedBody")}
<#else>
${msg("orgbridgeTargetMassDeletionBody")}
</#if>

<@orgbridge.row "orgbridgeLabelRealm" realmName/>
<@orgbridge.row "orgbridgeLabelTarget" targetName/>
<@orgbridge.row "orgbridgeLabelPausedSince" since/>
<#if reason == "quarantined">
<@orgbridge.row "orgbridgeLabelReason" msg("orgbridgeReasonQuarantined")/>
<@orgbridge.row "orgbridgeLabelFailuresInARow" failures?c/>
<@orgbridge.row "orgbridgeLabelFailingFor" failingFor/>
<#else>
<@orgbridge.row "orgbridgeLabelReason" msg("orgbridgeReasonMassDeletion")/>
<@orgbridge.row "orgbridgeLabelDeletions" deletions?c/>
<@orgbridge.row "orgbridgeLabelThreshold" threshold?c/>
<@orgbridge.row "orgbridgeLabelUsers" users?c/>
</#if>
<@orgbridge.footer/>
