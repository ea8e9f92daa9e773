package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.CREATE_CONTACT;
import static io.switchboard.customer.internal.Permissions.DELETE_CONTACT;
import static io.switchboard.customer.internal.Permissions.UPDATE_CONTACT;
import static io.switchboard.customer.internal.Permissions.VIEW_CONTACT;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_CONTACT;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.customer.ContactForm;
import io.switchboard.customer.ContactSearch;
import io.switchboard.customer.ContactSummary;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.Contacts;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcContacts implements Contacts {

    /** Contacts joined to their customer (aliased {@code c}) so scopes and status filters apply. */
    static final String SELECT = "SELECT k.* FROM customer_contact k JOIN customer c ON c.customer_id = k.customer_id";

    private static final Map<String, String> SORTABLE = Map.of(
            "contact_id", "k.contact_id",
            "customer_id", "k.customer_id",
            "contact_firstname", "lower(k.contact_firstname)",
            "contact_lastname", "lower(k.contact_lastname)",
            "contact_email", "lower(k.contact_email)",
            "created", "k.created",
            "last_modified", "k.last_modified");

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerRows customers;
    private final FormValidation validation;
    private final ActivityLog activity;
    private final Clock clock = Clock.systemUTC();

    JdbcContacts(JdbcClient jdbc, CustomerAccess access, CustomerRows customers, FormValidation validation,
            ActivityLog activity) {
        this.jdbc = jdbc;
        this.access = access;
        this.customers = customers;
        this.validation = validation;
        this.activity = activity;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContactView> find(long contactId) {
        Scope scope = access.read(VIEW_CONTACT, VIEW_OWN_CONTACT);
        return select(contactId, scope, false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactView> forCustomer(long customerId) {
        Scope scope = access.read(VIEW_CONTACT, VIEW_OWN_CONTACT);
        customers.requireVisible(customerId, scope);
        return jdbc.sql(SELECT + " WHERE k.customer_id = :id ORDER BY k.contact_id").param("id", customerId)
                .query(JdbcContacts::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ContactView> search(ContactSearch filter, PageQuery page) {
        Scope scope = access.read(VIEW_CONTACT, VIEW_OWN_CONTACT);
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE TRUE").append(scope.condition("c", params));
        if (!filter.includeArchived()) {
            where.append(" AND c.customer_status <> 'Archived'");
        }
        if (filter.customerId() != null) {
            where.append(" AND k.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.contactType() != null) {
            where.append(" AND :type = ANY(k.contact_types)");
            params.put("type", filter.contactType().label());
        }
        if (page.search() != null) {
            where.append(" AND (k.contact_firstname ILIKE :search ESCAPE '\\' OR k.contact_lastname ILIKE :search ESCAPE '\\'"
                    + " OR concat_ws(' ', k.contact_firstname, k.contact_lastname) ILIKE :search ESCAPE '\\'"
                    + " OR k.contact_email ILIKE :search ESCAPE '\\' OR k.contact_phone ILIKE :search ESCAPE '\\'");
            params.put("search", Sql.contains(page.search()));
            String digits = digits(page.search());
            if (digits != null && digits.length() >= 3) {
                where.append(" OR k.contact_phone_digits LIKE :digits");
                params.put("digits", "%" + digits + "%");
            }
            where.append(")");
        }
        String from = " FROM customer_contact k JOIN customer c ON c.customer_id = k.customer_id";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        String paging = Sql.orderAndPage(page, SORTABLE, "contact_id", "k.contact_id", params);
        var rows = jdbc.sql("SELECT k.*" + from + where + paging).params(params).query(JdbcContacts::row).list();
        return new PageImpl<>(rows, PageRequest.of(page.page() - 1, page.perPage()), total);
    }

    @Override
    public ContactView create(ContactForm form) {
        Scope scope = access.write(CREATE_CONTACT);
        ContactForm clean = validate(normalise(form));
        customers.lockForChildWrite(clean.customerId(), scope);
        var now = Sql.timestamp(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO customer_contact (customer_id, contact_firstname, contact_lastname, contact_email,
                    contact_phone, contact_phone_digits, contact_types, created, last_modified)
                VALUES (:customer, :first, :last, :email, :phone, :digits, CAST(:types AS TEXT[]), :now, :now)
                RETURNING contact_id""")
                .params(columns(clean)).param("now", now).query(Long.class).single();
        ContactView created = load(id);
        activity.record(ActivityRecord.of(CustomerActivity.CONTACT, id, created.customerId(), "CREATED",
                "Added contact " + created.fullName()).withChanges(Map.of(), fields(created)));
        return created;
    }

    @Override
    public ContactView update(long contactId, UnaryOperator<ContactForm> change) {
        Scope scope = access.write(UPDATE_CONTACT);
        ContactView before = select(contactId, scope, true)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        customers.lockForChildWrite(before.customerId(), scope);
        ContactForm form = change.apply(before.toForm());
        if (!Objects.equals(form.customerId(), before.customerId())) {
            throw InvalidInputException.unprocessable("customer_id",
                    "a contact cannot move to another customer; create it there instead");
        }
        return write(before, validate(normalise(form)), "Updated contact ");
    }

    @Override
    public void delete(long contactId) {
        Scope scope = access.write(DELETE_CONTACT);
        ContactView before = select(contactId, scope, true)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        customers.lockForChildWrite(before.customerId(), scope);
        if (before.linkedUserId() != null) {
            throw new ConflictException("linked_user_id", "contact " + contactId + " is linked to portal user "
                    + before.linkedUserId() + "; unlink or delete the user first");
        }
        jdbc.sql("DELETE FROM customer_contact WHERE contact_id = :id").param("id", contactId).update();
        activity.record(ActivityRecord.of(CustomerActivity.CONTACT, contactId, before.customerId(), "DELETED",
                "Deleted contact " + before.fullName()).withChanges(fields(before), Map.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContactSummary> findContact(long contactId) {
        return jdbc.sql(SELECT + " WHERE k.contact_id = :id").param("id", contactId).query(JdbcContacts::row)
                .optional()
                .map(c -> new ContactSummary(c.contactId(), c.customerId(), c.contactEmail(), c.fullName(),
                        c.linkedUserId()));
    }

    @Override
    public ContactView linkUser(long contactId, @Nullable Long userId) {
        ContactView before = select(contactId, Scope.ALL, true)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        if (userId != null) {
            var other = jdbc.sql("SELECT contact_id FROM customer_contact WHERE linked_user_id = :user AND contact_id <> :id")
                    .param("user", userId).param("id", contactId).query(Long.class).optional();
            if (other.isPresent()) {
                throw new ConflictException("linked_user_id",
                        "user " + userId + " is already linked to contact " + other.get());
            }
        }
        if (Objects.equals(before.linkedUserId(), userId)) {
            return before;
        }
        jdbc.sql("UPDATE customer_contact SET linked_user_id = :user, last_modified = :now WHERE contact_id = :id")
                .param("user", userId).param("now", Sql.timestamp(clock.instant())).param("id", contactId).update();
        ContactView after = load(contactId);
        activity.record(ActivityRecord.of(CustomerActivity.CONTACT, contactId, after.customerId(),
                userId == null ? "USER_UNLINKED" : "USER_LINKED",
                (userId == null ? "Unlinked the portal user of contact " : "Linked a portal user to contact ")
                        + after.fullName()).withChanges(fields(before), fields(after)));
        return after;
    }

    /** Writes the new values of an existing contact and records the change; shared with self-service. */
    ContactView write(ContactView before, ContactForm form, String summary) {
        if (form.equals(before.toForm())) {
            return before;
        }
        jdbc.sql("""
                UPDATE customer_contact SET contact_firstname = :first, contact_lastname = :last, contact_email = :email,
                    contact_phone = :phone, contact_phone_digits = :digits, contact_types = CAST(:types AS TEXT[]),
                    last_modified = :now
                WHERE contact_id = :id""")
                .params(columns(form)).param("now", Sql.timestamp(clock.instant())).param("id", before.contactId())
                .update();
        ContactView after = load(before.contactId());
        activity.record(ActivityRecord.of(CustomerActivity.CONTACT, before.contactId(), after.customerId(), "UPDATED",
                summary + after.fullName()).withChanges(fields(before), fields(after)));
        return after;
    }

    /** The contact in {@code scope}, row-locked when {@code forUpdate}. */
    Optional<ContactView> select(long contactId, Scope scope, boolean forUpdate) {
        var params = new HashMap<String, Object>();
        params.put("id", contactId);
        return jdbc.sql(SELECT + " WHERE k.contact_id = :id" + scope.condition("c", params)
                        + (forUpdate ? " FOR UPDATE OF k" : ""))
                .params(params).query(JdbcContacts::row).optional();
    }

    Optional<ContactView> linkedTo(long userId) {
        return jdbc.sql(SELECT + " WHERE k.linked_user_id = :user FOR UPDATE OF k").param("user", userId)
                .query(JdbcContacts::row).optional();
    }

    ContactForm validate(ContactForm form) {
        validation.check(form).throwIfAny();
        return form;
    }

    static ContactForm normalise(ContactForm form) {
        List<ContactType> types = form.contactTypes() == null ? List.of()
                : form.contactTypes().stream().filter(Objects::nonNull).distinct().sorted().toList();
        return new ContactForm(form.customerId(),
                form.contactFirstname() == null ? null : form.contactFirstname().trim(),
                Sql.clean(form.contactLastname()), Sql.clean(form.contactEmail()), Sql.clean(form.contactPhone()),
                types);
    }

    private ContactView load(long contactId) {
        return jdbc.sql(SELECT + " WHERE k.contact_id = :id").param("id", contactId).query(JdbcContacts::row).single();
    }

    private static Map<String, Object> columns(ContactForm form) {
        var params = new HashMap<String, Object>();
        params.put("customer", form.customerId());
        params.put("first", form.contactFirstname());
        params.put("last", form.contactLastname());
        params.put("email", form.contactEmail());
        params.put("phone", form.contactPhone());
        params.put("digits", digits(form.contactPhone()));
        params.put("types", form.contactTypes().stream().map(ContactType::label)
                .collect(Collectors.joining(",", "{", "}")));
        return params;
    }

    /** The digits of a phone number ({@code "+44 7700 900123"} → {@code "447700900123"}), null when none. */
    @Nullable
    static String digits(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    static Map<String, Object> fields(ContactView c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("contact_firstname", c.contactFirstname());
        map.put("contact_lastname", c.contactLastname());
        map.put("contact_email", c.contactEmail());
        map.put("contact_phone", c.contactPhone());
        map.put("contact_types", c.contactTypes().stream().map(ContactType::label).collect(Collectors.joining(",")));
        map.put("linked_user_id", c.linkedUserId());
        return map;
    }

    static ContactView row(ResultSet rs, int n) throws SQLException {
        String[] types = (String[]) rs.getArray("contact_types").getArray();
        return new ContactView(rs.getLong("contact_id"), rs.getLong("customer_id"), rs.getString("contact_firstname"),
                rs.getString("contact_lastname"), rs.getString("contact_email"), rs.getString("contact_phone"),
                Arrays.stream(types).map(ContactType::fromLabel).sorted().toList(),
                Sql.nullableLong(rs, "linked_user_id"), Sql.instant(rs, "created"), Sql.instant(rs, "last_modified"));
    }
}
