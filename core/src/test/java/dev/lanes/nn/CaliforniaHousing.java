package dev.lanes.nn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The California housing test set as REFERENCE.md's walk-through uses it: 7 numeric features
 * (total_bedrooms and ocean_proximity dropped) and median_house_value as the target. A minimal reader
 * for this one known file; the library's CSV loading lives in dev.lanes.data.
 */
final class CaliforniaHousing {

    static final int FEATURES = 7;
    final float[] x;
    final float[] y;
    final int rows;

    private CaliforniaHousing(float[] x, float[] y, int rows) {
        this.x = x;
        this.y = y;
        this.rows = rows;
    }

    static CaliforniaHousing load() throws IOException {
        List<float[]> data = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CaliforniaHousing.class.getResourceAsStream("/california_housing.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                int[] cols = {0, 1, 2, 3, 5, 6, 7, 8};
                float[] row = new float[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    row[i] = Float.parseFloat(f[cols[i]]);
                }
                data.add(row);
            }
        }
        float[] x = new float[data.size() * FEATURES];
        float[] y = new float[data.size()];
        for (int r = 0; r < data.size(); r++) {
            System.arraycopy(data.get(r), 0, x, r * FEATURES, FEATURES);
            y[r] = data.get(r)[FEATURES];
        }
        return new CaliforniaHousing(x, y, data.size());
    }
}
