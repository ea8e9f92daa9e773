package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.CREATE_SITE;
import static io.switchboard.customer.internal.Permissions.DELETE_SITE;
import static io.switchboard.customer.internal.Permissions.UPDATE_SITE;
import static io.switchboard.customer.internal.Permissions.VIEW_OWN_SITE;
import static io.switchboard.customer.internal.Permissions.VIEW_SITE;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.customer.Countries;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.customer.PlusCodes;
import io.switchboard.customer.SiteForm;
import io.switchboard.customer.SiteSearch;
import io.switchboard.customer.SiteView;
import io.switchboard.customer.Sites;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcSites implements Sites {

    static final String SELECT = "SELECT s.* FROM customer_site s JOIN customer c ON c.customer_id = s.customer_id";

    private static final Map<String, String> SORTABLE = Map.of(
            "site_id", "s.site_id",
            "customer_id", "s.customer_id",
            "site_name", "lower(s.site_name)",
            "city", "lower(s.city)",
            "country", "s.country",
            "created", "s.created",
            "last_modified", "s.last_modified");

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerRows customers;
    private final FormValidation validation;
    private final ActivityLog activity;
    private final CustomerProperties properties;
    private final Clock clock = Clock.systemUTC();

    JdbcSites(JdbcClient jdbc, CustomerAccess access, CustomerRows customers, FormValidation validation,
            ActivityLog activity, CustomerProperties properties) {
        this.jdbc = jdbc;
        this.access = access;
        this.customers = customers;
        this.validation = validation;
        this.activity = activity;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SiteView> find(long siteId) {
        return select(siteId, access.read(VIEW_SITE, VIEW_OWN_SITE), false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SiteView> forCustomer(long customerId) {
        Scope scope = access.read(VIEW_SITE, VIEW_OWN_SITE);
        customers.requireVisible(customerId, scope);
        return jdbc.sql(SELECT + " WHERE s.customer_id = :id ORDER BY s.site_id").param("id", customerId)
                .query(JdbcSites::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<SiteView> search(SiteSearch filter, PageQuery page) {
        Scope scope = access.read(VIEW_SITE, VIEW_OWN_SITE);
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE TRUE").append(scope.condition("c", params));
        if (!filter.includeArchived()) {
            where.append(" AND c.customer_status <> 'Archived'");
        }
        if (filter.customerId() != null) {
            where.append(" AND s.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.country() != null) {
            where.append(" AND s.country = :country");
            params.put("country", Countries.normalise(filter.country())
                    .orElseThrow(() -> InvalidInputException.of("country", "is not a known country")));
        }
        if (page.search() != null) {
            where.append(" AND (s.site_name ILIKE :search ESCAPE '\\' OR s.city ILIKE :search ESCAPE '\\'"
                    + " OR s.zip_code ILIKE :search ESCAPE '\\' OR s.address_line_1 ILIKE :search ESCAPE '\\')");
            params.put("search", Sql.contains(page.search()));
        }
        String from = " FROM customer_site s JOIN customer c ON c.customer_id = s.customer_id";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        String paging = Sql.orderAndPage(page, SORTABLE, "site_id", "s.site_id", params);
        var rows = jdbc.sql("SELECT s.*" + from + where + paging).params(params).query(JdbcSites::row).list();
        return new PageImpl<>(rows, PageRequest.of(page.page() - 1, page.perPage()), total);
    }

    @Override
    public SiteForm check(SiteForm form) {
        var clean = new SiteForm(form.customerId(), form.siteName() == null ? null : form.siteName().trim(),
                Sql.clean(form.addressLine1()), Sql.clean(form.addressLine2()), Sql.clean(form.city()),
                Sql.clean(form.state()), Sql.clean(form.zipCode()), Sql.clean(form.country()), form.latitude(),
                form.longitude(), Sql.clean(form.googleMapsPlaceId()), Sql.clean(form.plusCode()),
                Sql.clean(form.addressNote()));
        var errors = validation.check(clean);
        String country = clean.country() != null ? clean.country() : Sql.clean(properties.defaultCountry());
        String countryCode = null;
        if (country == null) {
            errors.add("country", "must not be blank (no default country is configured)");
        } else if (!errors.has("country")) {
            countryCode = Countries.normalise(country).orElse(null);
            if (countryCode == null) {
                errors.add("country", "must be an ISO 3166-1 alpha-2 code or a country name");
            }
        }
        String plusCode = null;
        if (!errors.has("latitude") && !errors.has("longitude")) {
            plusCode = PlusCodes.encode(clean.latitude(), clean.longitude());
            if (clean.plusCode() != null && !errors.has("plus_code")) {
                if (!PlusCodes.isFullCode(clean.plusCode())) {
                    errors.add("plus_code", "must be a full plus code such as " + plusCode
                            + " (it is computed from latitude and longitude when left out)");
                } else if (!PlusCodes.agrees(clean.plusCode(), clean.latitude(), clean.longitude())) {
                    errors.add("plus_code", "does not match latitude and longitude, which give " + plusCode);
                }
            }
        }
        errors.throwIfAny();
        return clean.withCountry(countryCode).withPlusCode(plusCode);
    }

    @Override
    public SiteView create(SiteForm form) {
        Scope scope = access.write(CREATE_SITE);
        SiteForm clean = check(form);
        customers.lockForChildWrite(clean.customerId(), scope);
        var now = Sql.timestamp(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO customer_site (customer_id, site_name, address_line_1, address_line_2, city, state, zip_code,
                    country, latitude, longitude, google_maps_place_id, plus_code, address_note, created, last_modified)
                VALUES (:customer, :name, :line1, :line2, :city, :state, :zip, :country, :lat, :lng, :place, :plus,
                    :note, :now, :now)
                RETURNING site_id""")
                .params(columns(clean)).param("now", now).query(Long.class).single();
        SiteView created = load(id);
        activity.record(ActivityRecord.of(CustomerActivity.SITE, id, created.customerId(), "CREATED",
                "Added site " + created.siteName()).withChanges(Map.of(), fields(created)));
        return created;
    }

    @Override
    public SiteView update(long siteId, UnaryOperator<SiteForm> change) {
        Scope scope = access.write(UPDATE_SITE);
        SiteView before = select(siteId, scope, true).orElseThrow(() -> new NotFoundException("site", siteId));
        customers.lockForChildWrite(before.customerId(), scope);
        SiteForm form = change.apply(before.toForm());
        if (!Objects.equals(form.customerId(), before.customerId())) {
            throw InvalidInputException.unprocessable("customer_id",
                    "a site cannot move to another customer; create it there instead");
        }
        SiteForm clean = check(form);
        if (clean.equals(check(before.toForm()))) {
            return before;
        }
        jdbc.sql("""
                UPDATE customer_site SET site_name = :name, address_line_1 = :line1, address_line_2 = :line2,
                    city = :city, state = :state, zip_code = :zip, country = :country, latitude = :lat,
                    longitude = :lng, google_maps_place_id = :place, plus_code = :plus, address_note = :note,
                    last_modified = :now
                WHERE site_id = :id""")
                .params(columns(clean)).param("now", Sql.timestamp(clock.instant())).param("id", siteId).update();
        SiteView after = load(siteId);
        activity.record(ActivityRecord.of(CustomerActivity.SITE, siteId, after.customerId(), "UPDATED",
                "Updated site " + after.siteName()).withChanges(fields(before), fields(after)));
        return after;
    }

    @Override
    public void delete(long siteId) {
        Scope scope = access.write(DELETE_SITE);
        SiteView before = select(siteId, scope, true).orElseThrow(() -> new NotFoundException("site", siteId));
        customers.lockForChildWrite(before.customerId(), scope);
        jdbc.sql("DELETE FROM customer_site WHERE site_id = :id").param("id", siteId).update();
        activity.record(ActivityRecord.of(CustomerActivity.SITE, siteId, before.customerId(), "DELETED",
                "Deleted site " + before.siteName()).withChanges(fields(before), Map.of()));
    }

    private Optional<SiteView> select(long siteId, Scope scope, boolean forUpdate) {
        var params = new HashMap<String, Object>();
        params.put("id", siteId);
        return jdbc.sql(SELECT + " WHERE s.site_id = :id" + scope.condition("c", params)
                        + (forUpdate ? " FOR UPDATE OF s" : ""))
                .params(params).query(JdbcSites::row).optional();
    }

    private SiteView load(long siteId) {
        return jdbc.sql(SELECT + " WHERE s.site_id = :id").param("id", siteId).query(JdbcSites::row).single();
    }

    private static Map<String, Object> columns(SiteForm form) {
        var params = new HashMap<String, Object>();
        params.put("customer", form.customerId());
        params.put("name", form.siteName());
        params.put("line1", form.addressLine1());
        params.put("line2", form.addressLine2());
        params.put("city", form.city());
        params.put("state", form.state());
        params.put("zip", form.zipCode());
        params.put("country", form.country());
        params.put("lat", form.latitude());
        params.put("lng", form.longitude());
        params.put("place", form.googleMapsPlaceId());
        params.put("plus", form.plusCode());
        params.put("note", form.addressNote());
        return params;
    }

    static Map<String, Object> fields(SiteView s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("site_name", s.siteName());
        map.put("address_line_1", s.addressLine1());
        map.put("address_line_2", s.addressLine2());
        map.put("city", s.city());
        map.put("state", s.state());
        map.put("zip_code", s.zipCode());
        map.put("country", s.country());
        map.put("latitude", s.latitude());
        map.put("longitude", s.longitude());
        map.put("google_maps_place_id", s.googleMapsPlaceId());
        map.put("plus_code", s.plusCode());
        map.put("address_note", s.addressNote());
        return map;
    }

    static SiteView row(ResultSet rs, int n) throws SQLException {
        return new SiteView(rs.getLong("site_id"), rs.getLong("customer_id"), rs.getString("site_name"),
                rs.getString("address_line_1"), rs.getString("address_line_2"), rs.getString("city"),
                rs.getString("state"), rs.getString("zip_code"), rs.getString("country"), rs.getDouble("latitude"),
                rs.getDouble("longitude"), rs.getString("google_maps_place_id"), rs.getString("plus_code"),
                rs.getString("address_note"), Sql.instant(rs, "created"), Sql.instant(rs, "last_modified"));
    }
}
