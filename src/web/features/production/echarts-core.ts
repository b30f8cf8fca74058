/**
 * The parts of ECharts the production pages draw with, registered once. Imported only
 * through `import()` from e-chart.tsx, so the library is its own chunk that no other page loads.
 */
import { BarChart, GaugeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as EChartOption } from 'echarts/core';
