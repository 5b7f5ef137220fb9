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

/**
 * Breaks a label into lines of about `perLine` Latin letters (echarts' own width/overflow does not apply to radar
 * names): English at spaces, Chinese every perLine/2 characters, since a Chinese character is about two letters wide.
 */
export function wrapLabel(text: string, perLine: number): string {
  if (/[\u3400-\u9fff]/.test(text) && !/\s/.test(text)) {
    const n = Math.max(2, Math.floor(perLine / 2));
    return (text.match(new RegExp(`.{1,${n}}`, 'gu')) ?? [text]).join('\n');
  }
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= perLine) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}
