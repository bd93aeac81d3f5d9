<#ftl output_format="plainText">
<#import "orgbridge-notification.ftl" as orgbridge>
${msg("orgbridgeUserProvisionedBody")}

<@orgbridge.row "orgbridgeLabelRealm" realmName/>
<@orgbridge.row "orgbridgeLabelUsername" username/>
<@orgbridge.row "orgbridgeLabelEmail" email!"–"/>
<@orgbridge.row "orgbridgeLabelOrganization" organizationName!msg("orgbridgeNoOrganization")/>
<@orgbridge.row "orgbridgeLabelIdentityProvider" identityProvider/>
<@orgbridge.footer/>
