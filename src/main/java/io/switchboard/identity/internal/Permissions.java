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

    @Query("select p from Permission p where :search is null or p.name like concat('%', :search, '%')"
            + " or lower(p.description) like lower(concat('%', :search, '%'))")
    Page<Permission> search(String search, Pageable pageable);

    @Query("select p.name from Permission p order by p.id")
    List<String> allNames();
}
