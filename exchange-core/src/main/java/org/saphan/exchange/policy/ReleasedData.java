package org.saphan.exchange.policy;

import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.schemas.FieldClass;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an agreement would release from a service, field by field, with each field's class. */
public final class ReleasedData {

    private ReleasedData() {
    }

    /** Each released path's class; a container counts as its most protected classified descendant. */
    public static Map<String, FieldClass> classes(Agreement agreement, ServiceDefinition service) {
        Map<String, FieldClass> out = new LinkedHashMap<>();
        for (String path : agreement.releasedFields()) {
            FieldClass cls = service.classOf(path);
            for (Map.Entry<String, FieldClass> e : service.fields().entrySet()) {
                if (e.getKey().startsWith(path + ".") && e.getValue().compareTo(cls) > 0) {
                    cls = e.getValue();
                }
            }
            out.put(path, cls);
        }
        return out;
    }
}
