package io.switchboard.console.customers;

import static io.switchboard.console.customers.CustomerInput.blankToNull;
import static io.switchboard.console.customers.CustomerInput.orEmpty;
import static io.switchboard.console.customers.CustomerInput.trim;

import io.switchboard.customer.SiteForm;
import io.switchboard.customer.SiteView;
import java.util.Locale;
import org.springframework.lang.Nullable;

/**
 * What the site form holds: the address typed by hand, the coordinates the map's marker fills in (or typed), and
 * the plus code the browser computed from them; the server recomputes the code and refuses one that disagrees.
 */
class SiteInput {

    private String siteName = "";
    private String addressLine1 = "";
    private String addressLine2 = "";
    private String city = "";
    private String state = "";
    private String zipCode = "";
    private String country = "";
    private Double latitude;
    private Double longitude;
    private String plusCode = "";
    private String addressNote = "";

    static SiteInput of(SiteView site) {
        var input = new SiteInput();
        input.siteName = site.siteName();
        input.addressLine1 = orEmpty(site.addressLine1());
        input.addressLine2 = orEmpty(site.addressLine2());
        input.city = orEmpty(site.city());
        input.state = orEmpty(site.state());
        input.zipCode = orEmpty(site.zipCode());
        input.country = site.country();
        input.latitude = site.latitude();
        input.longitude = site.longitude();
        input.plusCode = site.plusCode();
        input.addressNote = orEmpty(site.addressNote());
        return input;
    }

    /** A new site's form: the country picker starts at the installation's default country. */
    static SiteInput blank(@Nullable String defaultCountry) {
        var input = new SiteInput();
        input.country = defaultCountry == null ? "" : defaultCountry.trim().toUpperCase(Locale.ROOT);
        return input;
    }

    /**
     * The API form. The Google place id is kept from {@code placeId} (the console has no Places search to set it).
     */
    SiteForm toForm(long customerId, @Nullable String placeId) {
        return new SiteForm(customerId, trim(siteName), blankToNull(addressLine1), blankToNull(addressLine2),
                blankToNull(city), blankToNull(state), blankToNull(zipCode), blankToNull(country), latitude, longitude,
                placeId, blankToNull(plusCode), blankToNull(addressNote));
    }

    /** Only the location, for the live check while the form is edited (the other fields wait for the save). */
    SiteForm toLocationForm(long customerId) {
        return SiteForm.at(customerId, "location", latitude, longitude).withCountry(blankToNull(country))
                .withPlusCode(blankToNull(plusCode));
    }

    public String getSiteName() { return siteName; }
    public void setSiteName(String siteName) { this.siteName = siteName; }
    public String getAddressLine1() { return addressLine1; }
    public void setAddressLine1(String addressLine1) { this.addressLine1 = addressLine1; }
    public String getAddressLine2() { return addressLine2; }
    public void setAddressLine2(String addressLine2) { this.addressLine2 = addressLine2; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getZipCode() { return zipCode; }
    public void setZipCode(String zipCode) { this.zipCode = zipCode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public String getPlusCode() { return plusCode; }
    public void setPlusCode(String plusCode) { this.plusCode = plusCode; }
    public String getAddressNote() { return addressNote; }
    public void setAddressNote(String addressNote) { this.addressNote = addressNote; }
}
