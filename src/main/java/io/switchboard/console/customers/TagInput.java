package io.switchboard.console.customers;

import static io.switchboard.console.customers.CustomerInput.blankToNull;
import static io.switchboard.console.customers.CustomerInput.orEmpty;
import static io.switchboard.console.customers.CustomerInput.trim;

import io.switchboard.customer.TagForm;
import io.switchboard.customer.TagView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.lang.Nullable;

/**
 * What the tag form holds (A-TAG-05): text, colour ({@code #rrggbb} from the colour picker), optional link and the
 * window in which the tag shows, as {@code datetime-local} values in the pages' time zone (the API keeps UTC).
 */
class TagInput {

    static final String DEFAULT_COLOUR = "#2B46D6";

    private String tagText = "";
    private String tagHexColor = DEFAULT_COLOUR;
    private String tagLink = "";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime tagActiveDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime tagDeactivateDate;

    /** A new tag, active from now until the guide's default end (2099-01-01, UTC). */
    static TagInput startingAt(Instant now, ZoneId zone) {
        var input = new TagInput();
        input.tagActiveDate = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
        input.tagDeactivateDate = fromUtc(TagForm.DEFAULT_DEACTIVATE_DATE, zone);
        return input;
    }

    static TagInput of(TagView tag, ZoneId zone) {
        var input = new TagInput();
        input.tagText = tag.tagText();
        input.tagHexColor = "#" + tag.tagHexColor();
        input.tagLink = orEmpty(tag.tagLink());
        input.tagActiveDate = fromUtc(tag.tagActiveDate(), zone);
        input.tagDeactivateDate = fromUtc(tag.tagDeactivateDate(), zone);
        return input;
    }

    TagForm toForm(long customerId, ZoneId zone) {
        return new TagForm(customerId, trim(tagText), trim(tagHexColor), blankToNull(tagLink),
                toUtc(tagActiveDate, zone), toUtc(tagDeactivateDate, zone));
    }

    /** A UTC wall-clock time (as the API keeps tag dates) in {@code zone}. */
    static LocalDateTime fromUtc(LocalDateTime utc, ZoneId zone) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }

    @Nullable
    static LocalDateTime toUtc(@Nullable LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    public String getTagText() { return tagText; }
    public void setTagText(String tagText) { this.tagText = tagText; }
    public String getTagHexColor() { return tagHexColor; }
    public void setTagHexColor(String tagHexColor) { this.tagHexColor = tagHexColor; }
    public String getTagLink() { return tagLink; }
    public void setTagLink(String tagLink) { this.tagLink = tagLink; }
    public LocalDateTime getTagActiveDate() { return tagActiveDate; }
    public void setTagActiveDate(LocalDateTime tagActiveDate) { this.tagActiveDate = tagActiveDate; }
    public LocalDateTime getTagDeactivateDate() { return tagDeactivateDate; }
    public void setTagDeactivateDate(LocalDateTime tagDeactivateDate) { this.tagDeactivateDate = tagDeactivateDate; }
}
