<#ftl output_format="plainText">
<#-- Orgbridge's notification mails as plain text: one "label: value" line per detail, and a footer naming the
     notification target. -->

<#macro row label value>
${msg(label)}: ${value}
</#macro>

<#macro footer>

${msg("orgbridgeNotificationFooter")} ${notificationTarget}
</#macro>
