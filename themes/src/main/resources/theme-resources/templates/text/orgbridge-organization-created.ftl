<#ftl output_format="plainText">
<#import "orgbridge-notification.ftl" as orgbridge>
${msg("orgbridgeOrganizationCreatedBody")}

<@orgbridge.row "orgbridgeLabelRealm" realmName/>
<@orgbridge.row "orgbridgeLabelOrganization" organizationName/>
<@orgbridge.row "orgbridgeLabelAlias" organizationAlias/>
<#if organizationDomains?has_content>
<@orgbridge.row "orgbridgeLabelDomains" organizationDomains?join(", ")/>
</#if>
<#if identityProvider??>
<@orgbridge.row "orgbridgeLabelIdentityProvider" identityProvider/>
<#else>
<@orgbridge.row "orgbridgeLabelCreatedBy" msg("orgbridgeCreatedByAdmin")/>
</#if>
<@orgbridge.footer/>
