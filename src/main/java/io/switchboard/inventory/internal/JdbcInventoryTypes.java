package io.switchboard.inventory.internal;

import io.switchboard.inventory.InventoryTypes;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcInventoryTypes implements InventoryTypes {

    private final JdbcClient jdbc;

    JdbcInventoryTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String name) {
        return name != null && jdbc.sql("SELECT count(*) FROM inventory_templates WHERE item = :name AND enabled")
                .param("name", name).query(Long.class).single() > 0;
    }

    @Override
    public List<String> names() {
        return jdbc.sql("SELECT item FROM inventory_templates WHERE enabled ORDER BY item").query(String.class).list();
    }
}
