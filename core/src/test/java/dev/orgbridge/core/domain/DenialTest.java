package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialTest {

    @ParameterizedTest(name = "{0}: event error {1}, message key {2}")
    @CsvSource(textBlock = """
            EMAIL_MISSING,                   orgbridge_email_missing,                   orgbridgeEmailMissing
            EMAIL_MALFORMED,                 orgbridge_email_malformed,                 orgbridgeEmailMalformed
            EMAIL_UNVERIFIED,                orgbridge_email_unverified,                orgbridgeEmailUnverified
            PERSONAL_EMAIL,                  orgbridge_personal_email,                  orgbridgePersonalEmail
            IDP_NOT_TRUSTED_FOR_DOMAIN,      orgbridge_idp_not_trusted_for_domain,      orgbridgeIdpNotTrustedForDomain
            ORGANIZATION_NOT_REGISTERED,     orgbridge_organization_not_registered,     orgbridgeOrganizationNotRegistered
            IDP_MAY_NOT_CREATE_ORGANIZATION, orgbridge_idp_may_not_create_organization, orgbridgeIdpMayNotCreateOrganization
            NO_ACCOUNT,                      orgbridge_no_account,                      orgbridgeNoAccount
            """)
    void everyDenialHasAnEventErrorAndAMessageKey(Denial denial, String errorCode, String messageKey) {
        assertEquals(errorCode, denial.errorCode());
        assertEquals(messageKey, denial.messageKey());
    }

    @Test
    void theTableAboveCoversEveryDenial() {
        assertEquals(8, Denial.values().length, Arrays.toString(Denial.values()));
    }
}
