<#ftl output_format="plainText">
<#import "orgbridge-notification.ftl" as orgbridge>
${msg("orgbridgeProvisioningFailuresBody")}

<@orgbridge.row "orgbridgeLabelRealm" realmName/>
<@orgbridge.row "orgbridgeLabelTarget" targetName/>
<@orgbridge.row "orgbridgeLabelPeriod" periodStart + " – " + periodEnd/>
<@orgbridge.row "orgbridgeLabelFailures" failures?c/>
<@orgbridge.row "orgbridgeLabelDeadLetters" deadLetters?c/>
<#if examples?has_content>

${msg("orgbridgeLabelExamples")} (${msg("orgbridgeLabelUser")} · ${msg("orgbridgeLabelOperation")} · ${msg("orgbridgeLabelError")}):
<#list examples as example>
- ${example.user} · ${example.operation} · ${example.error}
</#list>
</#if>
<@orgbridge.footer/>
