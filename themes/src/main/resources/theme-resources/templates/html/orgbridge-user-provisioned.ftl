<#import "orgbridge-notification.ftl" as orgbridge>
<@orgbridge.mail>
${kcSanitize(msg("orgbridgeUserProvisionedBodyHtml"))?no_esc}
<@orgbridge.details>
<@orgbridge.row "orgbridgeLabelRealm" realmName/>
<@orgbridge.row "orgbridgeLabelUsername" username/>
<@orgbridge.row "orgbridgeLabelEmail" email!"–"/>
<@orgbridge.row "orgbridgeLabelOrganization" organizationName!msg("orgbridgeNoOrganization")/>
<@orgbridge.row "orgbridgeLabelIdentityProvider" identityProvider/>
</@orgbridge.details>
</@orgbridge.mail>
