package io.switchboard.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Permissions extends JpaRepository<Permission, Long> {

    Optional<Permission> findByName(String name);

    List<Permission> findByNameIn(Collection<String> names);

    /** Permissions whose name or description contains {@code text} (not null), ignoring case. */
    @Query("select p from Permission p where lower(p.name) like lower(concat('%', :text, '%'))"
            + " or lower(p.description) like lower(concat('%', :text, '%'))")
    Page<Permission> search(String text, Pageable pageable);

    @Query("select p.name from Permission p order by p.id")
    List<String> allNames();
}
