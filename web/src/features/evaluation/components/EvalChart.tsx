// echarts through echarts-for-react's core entry, registering only what the evaluation page draws:
// radar (dimension scores), line (rank by year, indicator series), bar and scatter (uncertainty intervals).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, RadarChart, ScatterChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

/** An echarts chart that fills its card; `print` turns animation off so a PDF captures the final drawing. */
export function EvalChart({ option, height = 320, testId, print }: { option: EChartsOption; height?: number; testId?: string; print?: boolean }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={print ? { ...option, animation: false } : option}
        style={{ height, width: '100%' }}
        notMerge
        lazyUpdate
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
