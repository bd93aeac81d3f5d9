<#import "orgbridge-notification.ftl" as orgbridge>
<@orgbridge.mail>
${kcSanitize(msg("orgbridgeOrganizationCreatedBodyHtml"))?no_esc}
<@orgbridge.details>
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
</@orgbridge.details>
</@orgbridge.mail>
