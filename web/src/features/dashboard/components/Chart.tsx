import ReactECharts from 'echarts-for-react';
import type { EChartsOption } from 'echarts';

/** An echarts chart that fills its card and follows its size. */
export function Chart({ option, height = 320, testId }: { option: EChartsOption; height?: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactECharts option={option} style={{ height, width: '100%' }} notMerge lazyUpdate opts={{ renderer: 'canvas' }} />
    </div>
  );
}
