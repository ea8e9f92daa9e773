package io.switchboard.shared;

import java.util.List;

/**
 * Lines a module wants in the start-up banner (e.g. the demo logins). Implemented as beans; the platform
 * module prints them once the application is ready.
 */
public interface StartupNotes {

    /** Heading of the block, e.g. "Demo logins". */
    String title();

    /** The lines of the block; empty to print nothing. */
    List<String> lines();
}
