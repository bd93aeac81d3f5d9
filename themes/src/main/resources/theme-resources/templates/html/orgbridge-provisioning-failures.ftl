<#import "orgbridge-notification.ftl" as orgbridge>
<@orgbridge.mail>
${kcSanitize(msg("orgbridgeProvisioningFailuresBodyHtml"))?no_esc}
<@orgbridge.details>
<@orgbridge.row "orgbridgeLabelRealm" realmName/>
<@orgbridge.row "orgbridgeLabelTarget" targetName/>
<@orgbridge.row "orgbridgeLabelPeriod" periodStart + " – " + periodEnd/>
<@orgbridge.row "orgbridgeLabelFailures" failures?c/>
<@orgbridge.row "orgbridgeLabelDeadLetters" deadLetters?c/>
</@orgbridge.details>
<#if examples?has_content>
<p>${msg("orgbridgeLabelExamples")}</p>
<table cellpadding="4">
<tr><th align="left">${msg("orgbridgeLabelUser")}</th><th align="left">${msg("orgbridgeLabelOperation")}</th><th align="left">${msg("orgbridgeLabelError")}</th></tr>
<#list examples as example>
<tr><td>${example.user}</td><td>${example.operation}</td><td>${example.error}</td></tr>
</#list>
</table>
</#if>
</@orgbridge.mail>
