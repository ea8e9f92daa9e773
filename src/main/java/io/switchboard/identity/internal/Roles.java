package io.switchboard.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Roles extends JpaRepository<Role, Long> {

    Optional<Role> findByGroupId(String groupId);

    @Query("select r from Role r where lower(r.name) = lower(:name)")
    Optional<Role> findByNameIgnoreCase(String name);

    @Query("select r from Role r where lower(r.name) in :lowerNames or r.groupId in :lowerNames")
    List<Role> findByNamesOrGroupIds(Collection<String> lowerNames);

    boolean existsByGroupId(String groupId);

    /** Roles whose name or description contains {@code text} (not null), ignoring case. */
    @Query("select r from Role r where lower(r.name) like lower(concat('%', :text, '%'))"
            + " or lower(r.description) like lower(concat('%', :text, '%'))")
    Page<Role> search(String text, Pageable pageable);

    @Query("select count(u) from UserAccount u join u.roles r where r.id = :roleId and u.deleted = false")
    long countMembers(Long roleId);
}
