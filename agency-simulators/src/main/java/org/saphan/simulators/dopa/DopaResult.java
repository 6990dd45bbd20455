package org.saphan.simulators.dopa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.saphan.simulators.http.SimulatorResponse;

/** DOPA linkage result codes and their Thai descriptions. */
enum DopaResult {
    SUCCESS("00", "สำเร็จ"),
    INVALID_PID("01", "เลขประจำตัวประชาชนไม่ถูกต้อง"),
    NOT_FOUND("04", "ไม่พบข้อมูล"),
    SYSTEM_ERROR("99", "ระบบขัดข้อง");

    private final String code;
    private final String description;

    DopaResult(String code, String description) {
        this.code = code;
        this.description = description;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    /** The bare result body, {@code {"RESULT_CODE":..,"RESULT_DESC":..}}, with the given HTTP status. */
    SimulatorResponse response(int httpStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RESULT_CODE", code);
        body.put("RESULT_DESC", description);
        return SimulatorResponse.json(httpStatus, body);
    }
}
