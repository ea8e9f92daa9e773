package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.CREATE_CUSTOMER;
import static io.switchboard.customer.internal.Permissions.DELETE_CUSTOMER;
import static io.switchboard.customer.internal.Permissions.UPDATE_CUSTOMER;
import static io.switchboard.customer.internal.Permissions.VIEW_CONTACT;
import static io.switchboard.customer.internal.Permissions.VIEW_CUSTOMER;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_CONTACT;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_CUSTOMER;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.customer.AccountType;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.customer.CustomerArchiveBlockedException;
import io.switchboard.customer.CustomerArchiveCheck;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.CustomerSearch;
import io.switchboard.customer.CustomerStatus;
import io.switchboard.customer.CustomerView;
import io.switchboard.customer.Customers;
import io.switchboard.customer.PaymentType;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcCustomers implements Customers {

    private static final Map<String, String> SORTABLE = Map.of(
            "customer_id", "c.customer_id",
            "customer_name", "lower(c.customer_name)",
            "customer_status", "c.customer_status",
            "customer_account_type", "c.customer_account_type",
            "customer_payment_type", "c.customer_payment_type",
            "created", "c.created",
            "last_modified", "c.last_modified");

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final FormValidation validation;
    private final ActivityLog activity;
    private final ObjectProvider<CustomerArchiveCheck> archiveChecks;
    private final Clock clock = Clock.systemUTC();

    JdbcCustomers(JdbcClient jdbc, CustomerAccess access, FormValidation validation, ActivityLog activity,
            ObjectProvider<CustomerArchiveCheck> archiveChecks) {
        this.jdbc = jdbc;
        this.access = access;
        this.validation = validation;
        this.activity = activity;
        this.archiveChecks = archiveChecks;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerView> find(long customerId) {
        Scope scope = access.read(VIEW_CUSTOMER, VIEW_OWN_CUSTOMER);
        var params = new HashMap<String, Object>();
        params.put("id", customerId);
        return jdbc.sql("SELECT * FROM customer c WHERE c.customer_id = :id" + scope.condition("c", params))
                .params(params).query(JdbcCustomers::row).optional()
                .map(row -> withContacts(List.of(row)).get(0));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<CustomerView> search(CustomerSearch filter, PageQuery page) {
        Scope scope = access.read(VIEW_CUSTOMER, VIEW_OWN_CUSTOMER);
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE TRUE").append(scope.condition("c", params));
        if (filter.status() != null) {
            where.append(" AND c.customer_status = :status");
            params.put("status", filter.status().label());
        } else if (!filter.includeArchived()) {
            where.append(" AND c.customer_status <> 'Archived'");
        }
        if (filter.accountType() != null) {
            where.append(" AND c.customer_account_type = :type");
            params.put("type", filter.accountType().label());
        }
        if (filter.paymentType() != null) {
            where.append(" AND c.customer_payment_type = :payment");
            params.put("payment", filter.paymentType().label());
        }
        if (filter.assignedUserId() != null) {
            where.append(" AND c.assigned_user_id = :assigned");
            params.put("assigned", filter.assignedUserId());
        }
        if (page.search() != null) {
            where.append(" AND (c.customer_name ILIKE :search ESCAPE '\\'");
            params.put("search", Sql.contains(page.search()));
            if (page.search().matches("\\d{1,18}")) {
                where.append(" OR c.customer_id = :searchId");
                params.put("searchId", Long.parseLong(page.search()));
            }
            where.append(")");
        }
        long total = jdbc.sql("SELECT count(*) FROM customer c" + where).params(params).query(Long.class).single();
        String paging = Sql.orderAndPage(page, SORTABLE, "customer_id", "c.customer_id", params);
        List<CustomerView> rows = jdbc.sql("SELECT * FROM customer c" + where + paging).params(params)
                .query(JdbcCustomers::row).list();
        return new PageImpl<>(withContacts(rows), PageRequest.of(page.page() - 1, page.perPage()), total);
    }

    @Override
    public CustomerView create(CustomerForm form) {
        Scope scope = access.write(CREATE_CUSTOMER);
        var actor = access.actor();
        CustomerForm filled = new CustomerForm(form.customerName(), form.customerAccountType(),
                Objects.requireNonNullElse(form.customerStatus(), CustomerStatus.OPEN),
                Objects.requireNonNullElse(form.customerPaymentType(), PaymentType.POSTPAID),
                Objects.requireNonNullElse(form.customerEnabled(), Boolean.TRUE), Sql.clean(form.taxIdentifier()),
                form.contractStartDate(), form.contractEndDate(), Sql.clean(form.customerNotes()),
                scope.isAssignedOnly() && form.assignedUserId() == null ? actor.userId() : form.assignedUserId());
        validate(filled, scope);
        var now = Sql.timestamp(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO customer (customer_name, customer_account_type, customer_status, customer_payment_type,
                    customer_enabled, tax_identifier, contract_start_date, contract_end_date, customer_notes,
                    assigned_user_id, created, last_modified)
                VALUES (:name, :type, :status, :payment, :enabled, :tax, :start, :end, :notes, :assigned, :now, :now)
                RETURNING customer_id""")
                .params(columns(filled)).param("now", now)
                .query(Long.class).single();
        CustomerView created = load(id);
        activity.record(ActivityRecord.of(CustomerActivity.CUSTOMER, id, id, "CREATED",
                "Created customer " + created.customerName()).withChanges(Map.of(), fields(created)));
        return withContacts(List.of(created)).get(0);
    }

    @Override
    public CustomerView update(long customerId, UnaryOperator<CustomerForm> change) {
        Scope scope = access.write(UPDATE_CUSTOMER);
        CustomerView before = lock(customerId, scope);
        if (before.archived()) {
            throw new ConflictException("customer_status", "customer " + customerId + " is archived; restore it first");
        }
        CustomerForm form = change.apply(before.toForm());
        form = new CustomerForm(form.customerName(), form.customerAccountType(), form.customerStatus(),
                form.customerPaymentType(), form.customerEnabled(), Sql.clean(form.taxIdentifier()),
                form.contractStartDate(), form.contractEndDate(), Sql.clean(form.customerNotes()),
                form.assignedUserId());
        validate(form, scope);
        if (form.equals(before.toForm())) {
            return withContacts(List.of(before)).get(0);
        }
        jdbc.sql("""
                UPDATE customer SET customer_name = :name, customer_account_type = :type, customer_status = :status,
                    customer_payment_type = :payment, customer_enabled = :enabled, tax_identifier = :tax,
                    contract_start_date = :start, contract_end_date = :end, customer_notes = :notes,
                    assigned_user_id = :assigned, last_modified = :now
                WHERE customer_id = :id""")
                .params(columns(form)).param("now", Sql.timestamp(clock.instant())).param("id", customerId)
                .update();
        CustomerView after = load(customerId);
        activity.record(ActivityRecord.of(CustomerActivity.CUSTOMER, customerId, customerId, "UPDATED",
                "Updated customer " + after.customerName()).withChanges(fields(before), fields(after)));
        return withContacts(List.of(after)).get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> archiveBlockers(long customerId) {
        Scope scope = access.read(VIEW_CUSTOMER, VIEW_OWN_CUSTOMER);
        var params = new HashMap<String, Object>();
        params.put("id", customerId);
        boolean visible = jdbc.sql("SELECT count(*) FROM customer c WHERE c.customer_id = :id"
                + scope.condition("c", params)).params(params).query(Long.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("customer", customerId);
        }
        return blockers(customerId);
    }

    @Override
    public CustomerView archive(long customerId) {
        Scope scope = access.write(DELETE_CUSTOMER);
        CustomerView before = lock(customerId, scope);
        if (before.archived()) {
            throw new ConflictException("customer_status", "customer " + customerId + " is already archived");
        }
        List<String> blockers = blockers(customerId);
        if (!blockers.isEmpty()) {
            throw new CustomerArchiveBlockedException(customerId, blockers);
        }
        var now = Sql.timestamp(clock.instant());
        jdbc.sql("""
                UPDATE customer SET status_before_archive = customer_status, customer_status = 'Archived',
                    archived_at = :now, last_modified = :now
                WHERE customer_id = :id""")
                .param("now", now).param("id", customerId).update();
        CustomerView after = load(customerId);
        activity.record(ActivityRecord.of(CustomerActivity.CUSTOMER, customerId, customerId, "ARCHIVED",
                "Archived customer " + after.customerName()).withChanges(fields(before), fields(after)));
        return withContacts(List.of(after)).get(0);
    }

    @Override
    public CustomerView restore(long customerId) {
        Scope scope = access.write(DELETE_CUSTOMER);
        CustomerView before = lock(customerId, scope);
        if (!before.archived()) {
            throw new ConflictException("customer_status", "customer " + customerId + " is not archived");
        }
        jdbc.sql("""
                UPDATE customer SET customer_status = coalesce(status_before_archive, 'Open'),
                    status_before_archive = NULL, archived_at = NULL, last_modified = :now
                WHERE customer_id = :id""")
                .param("now", Sql.timestamp(clock.instant())).param("id", customerId).update();
        CustomerView after = load(customerId);
        activity.record(ActivityRecord.of(CustomerActivity.CUSTOMER, customerId, customerId, "RESTORED",
                "Restored customer " + after.customerName()).withChanges(fields(before), fields(after)));
        return withContacts(List.of(after)).get(0);
    }

    private List<String> blockers(long customerId) {
        return archiveChecks.orderedStream()
                .flatMap(check -> check.blockers(customerId).stream())
                .toList();
    }

    private void validate(CustomerForm form, Scope scope) {
        var errors = validation.check(form);
        if (form.customerStatus() == null) {
            errors.add("customer_status", "must not be null");
        } else if (form.customerStatus() == CustomerStatus.ARCHIVED) {
            errors.add("customer_status", "cannot be set to Archived; archive the customer with DELETE instead");
        }
        if (form.customerPaymentType() == null) {
            errors.add("customer_payment_type", "must not be null");
        }
        if (form.customerEnabled() == null) {
            errors.add("customer_enabled", "must not be null");
        }
        LocalDate start = form.contractStartDate();
        LocalDate end = form.contractEndDate();
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("contract_end_date", "must not be before contract_start_date");
        }
        errors.throwIfAny();
        if (scope.isAssignedOnly() && !Objects.equals(form.assignedUserId(), scope.assignedUserId())) {
            throw InvalidInputException.unprocessable("assigned_user_id",
                    "a coordinator can assign customers only to themselves");
        }
    }

    private CustomerView lock(long customerId, Scope scope) {
        var params = new HashMap<String, Object>();
        params.put("id", customerId);
        return jdbc.sql("SELECT * FROM customer c WHERE c.customer_id = :id" + scope.condition("c", params)
                        + " FOR UPDATE")
                .params(params).query(JdbcCustomers::row).optional()
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    private CustomerView load(long customerId) {
        return jdbc.sql("SELECT * FROM customer c WHERE c.customer_id = :id").param("id", customerId)
                .query(JdbcCustomers::row).single();
    }

    /**
     * The rows as the reader sees them: with their contacts when the reader may see contacts (one query for the
     * whole page), and without the staff-only notes and account manager when the reader is a customer user.
     */
    private List<CustomerView> withContacts(List<CustomerView> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        Map<Long, List<ContactView>> contacts = Map.of();
        if (access.mayRead(VIEW_CONTACT, VIEW_OWN_CONTACT)) {
            var ids = customers.stream().map(CustomerView::customerId).toList();
            contacts = jdbc.sql(JdbcContacts.SELECT + " WHERE k.customer_id IN (:ids) ORDER BY k.contact_id")
                    .param("ids", ids).query(JdbcContacts::row).list().stream()
                    .collect(Collectors.groupingBy(ContactView::customerId, LinkedHashMap::new, Collectors.toList()));
        }
        boolean staff = !access.actor().isCustomerScoped();
        var result = new ArrayList<CustomerView>(customers.size());
        for (CustomerView c : customers) {
            result.add(new CustomerView(c.customerId(), c.customerName(), c.customerAccountType(), c.customerStatus(),
                    c.customerPaymentType(), c.customerEnabled(), c.taxIdentifier(), c.contractStartDate(),
                    c.contractEndDate(), staff ? c.customerNotes() : null, staff ? c.assignedUserId() : null,
                    c.archivedAt(), c.created(), c.lastModified(), contacts.getOrDefault(c.customerId(), List.of())));
        }
        return result;
    }

    private static Map<String, Object> columns(CustomerForm form) {
        var params = new HashMap<String, Object>();
        params.put("name", form.customerName().trim());
        params.put("type", form.customerAccountType().label());
        params.put("status", form.customerStatus().label());
        params.put("payment", form.customerPaymentType().label());
        params.put("enabled", form.customerEnabled());
        params.put("tax", form.taxIdentifier());
        params.put("start", form.contractStartDate());
        params.put("end", form.contractEndDate());
        params.put("notes", form.customerNotes());
        params.put("assigned", form.assignedUserId());
        return params;
    }

    /** The fields the activity log compares, by API name. */
    static Map<String, Object> fields(CustomerView c) {
        var map = new LinkedHashMap<String, Object>();
        map.put("customer_name", c.customerName());
        map.put("customer_account_type", c.customerAccountType().label());
        map.put("customer_status", c.customerStatus().label());
        map.put("customer_payment_type", c.customerPaymentType().label());
        map.put("customer_enabled", c.customerEnabled());
        map.put("tax_identifier", c.taxIdentifier());
        map.put("contract_start_date", c.contractStartDate());
        map.put("contract_end_date", c.contractEndDate());
        map.put("customer_notes", c.customerNotes());
        map.put("assigned_user_id", c.assignedUserId());
        return map;
    }

    static CustomerView row(ResultSet rs, int n) throws SQLException {
        return new CustomerView(rs.getLong("customer_id"), rs.getString("customer_name"),
                AccountType.fromLabel(rs.getString("customer_account_type")),
                CustomerStatus.fromLabel(rs.getString("customer_status")),
                PaymentType.fromLabel(rs.getString("customer_payment_type")), rs.getBoolean("customer_enabled"),
                rs.getString("tax_identifier"), rs.getObject("contract_start_date", LocalDate.class),
                rs.getObject("contract_end_date", LocalDate.class), rs.getString("customer_notes"),
                Sql.nullableLong(rs, "assigned_user_id"), Sql.nullableInstant(rs, "archived_at"),
                Sql.instant(rs, "created"), Sql.instant(rs, "last_modified"), List.of());
    }
}
