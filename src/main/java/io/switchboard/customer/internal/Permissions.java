package io.switchboard.customer.internal;

/** Permission names of seed-C §1.22 this module checks, plus the coordinator's {@code view_assigned_customer}. */
final class Permissions {

    static final String VIEW_CUSTOMER = "view_customer";
    static final String VIEW_OWN_CUSTOMER = "view_own_customer";
    static final String VIEW_ASSIGNED_CUSTOMER = "view_assigned_customer";
    static final String CREATE_CUSTOMER = "create_customer";
    static final String UPDATE_CUSTOMER = "update_customer";
    static final String DELETE_CUSTOMER = "delete_customer";

    static final String VIEW_CONTACT = "view_customer_contact";
    static final String VIEW_OWN_CONTACT = "view_own_customer_contact";
    static final String CREATE_CONTACT = "create_customer_contact";
    static final String UPDATE_CONTACT = "update_customer_contact";
    static final String DELETE_CONTACT = "delete_customer_contact";

    static final String VIEW_SITE = "view_customer_site";
    static final String VIEW_OWN_SITE = "view_own_customer_site";
    static final String CREATE_SITE = "create_customer_site";
    static final String UPDATE_SITE = "update_customer_site";
    static final String DELETE_SITE = "delete_customer_site";

    static final String VIEW_TAG = "view_customer_tag";
    static final String VIEW_OWN_TAG = "view_own_customer_tag";
    static final String CREATE_TAG = "create_customer_tag";
    static final String UPDATE_TAG = "update_customer_tag";
    static final String DELETE_TAG = "delete_customer_tag";

    static final String VIEW_ATTRIBUTE = "view_customer_attribute";
    static final String VIEW_OWN_ATTRIBUTE = "view_own_customer_attribute";
    static final String CREATE_ATTRIBUTE = "create_customer_attribute";
    static final String UPDATE_ATTRIBUTE = "update_customer_attribute";
    static final String DELETE_ATTRIBUTE = "delete_customer_attribute";

    static final String VIEW_ACTIVITY = "view_customer_activity";
    static final String VIEW_OWN_ACTIVITY = "view_own_customer_activity";

    private Permissions() {}
}
