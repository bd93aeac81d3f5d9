/**
 * Login-flow steps for the first-broker-login and post-broker-login flows. Each step gathers inputs from the
 * brokered identity, asks {@code dev.orgbridge.core} for a decision and applies it; no rule lives here.
 */
package dev.orgbridge.authenticator;
