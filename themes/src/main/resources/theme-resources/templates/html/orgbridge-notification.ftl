<#-- Orgbridge's notification mails: Keycloak's email layout, a table of details, and a footer naming the notification
     target. Every value is printed with ${...}, which escapes it: names and errors come from users, identity
     providers and downstream systems, so none goes through msg() and kcSanitize, which would keep links and markup. -->
<#import "template.ftl" as layout>

<#macro mail>
<@layout.emailLayout>
<#nested>
<p>${msg("orgbridgeNotificationFooter")} ${notificationTarget}</p>
</@layout.emailLayout>
</#macro>

<#macro details>
<table role="presentation" cellpadding="4">
<#nested>
</table>
</#macro>

<#macro row label value>
<tr><th align="left" valign="top">${msg(label)}</th><td>${value}</td></tr>
</#macro>
