package io.switchboard.identity.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserAccounts extends JpaRepository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByUsername(String username);

    @Query("select u from UserAccount u where lower(u.email) = lower(:email)")
    Optional<UserAccount> findByEmail(String email);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.id = :id")
    Optional<UserAccount> findForUpdate(Long id);

    @Query("select u from UserAccount u join u.roles r where r.id = :roleId and u.deleted = false")
    Page<UserAccount> findMembers(Long roleId, Pageable pageable);

    /** Users who can sign in and hold a role with the {@code admin} permission. */
    @Query("""
            select count(distinct u.id) from UserAccount u join u.roles r join r.permissions p
            where p.name = 'admin' and u.deleted = false and u.enabled = true and u.serviceAccount = false""")
    long countActiveAdmins();

    boolean existsByContactIdAndDeletedFalse(Long contactId);

    /** Users whose e-mail is in {@code domain} or who hold the role with group id {@code groupId}. */
    @Query("select distinct u from UserAccount u left join u.roles r"
            + " where lower(u.email) like concat('%@', :domain) or r.groupId = :groupId")
    java.util.List<UserAccount> findInDomainOrRole(String domain, String groupId);
}
