/**
 * A CompositeError as a 400 problem in the caller's language: the field names the node, indicator or unit, the
 * text says what is wrong with it (zh-CN and en, picked by the message 'evaluation.compositeError'), and
 * `compositeError: {code, subject}` carries the engine's stable code for programs.
 */
import { AppError } from '../../shared/http/errors';
import type { CompositeError, CompositeErrorCode } from '../composite';

const TEXT: Partial<Record<CompositeErrorCode, [zh: string, en: string]>> = {
  FRAMEWORK_CYCLE: ['上级关系形成循环', 'its parent chain loops back (a cycle)'],
  UNKNOWN_PARENT: ['上级节点不存在', 'its parent does not exist'],
  LEVEL_MISMATCH: ['层级与上级不匹配', 'its level does not fit its parent'],
  DUPLICATE_CODE: ['代码重复', 'its code is used twice'],
  EMPTY_AGGREGATE: ['没有下级节点', 'it has no children'],
  NO_ROOT: ['没有唯一的顶层节点', 'there is no single top node'],
  NEGATIVE_WEIGHT: ['权重为负', 'its weight is negative'],
  ZERO_WEIGHT_SUM: ['下级权重之和为 0', 'the weights of its children sum to 0'],
  INVALID_WEIGHT: ['权重不符合要求', 'its weights are not as required'],
  INDICATOR_NO_DATA: ['所有单位均无该指标数据', 'no unit has data for this indicator'],
  UNIT_NO_DATA: ['该单位所有指标值均缺失', 'every value of this unit is missing'],
  DIVISION_BY_ZERO: ['除数为 0', 'division by zero'],
  CONSTANT_INDICATOR: ['所有单位取值相同，无法标准化', 'every unit has the same value; it cannot be rescaled'],
  NON_POSITIVE_VALUE: ['几何平均要求取值大于 0', 'the geometric mean needs values above 0'],
  ZERO_VALUE: ['调和平均要求取值不为 0', 'the harmonic mean needs non-zero values'],
  INVALID_METHOD: ['方法设置无效', 'the method setting is invalid'],
  TOO_FEW_VALUES: ['取值太少', 'too few values'],
};

export function compositeProblem(err: CompositeError, fieldPrefix = 'framework'): AppError {
  const detail = err.message.replace(/^[A-Z_]+ \([^)]*\): /, '');
  const [zh, en] = TEXT[err.code] ?? [err.code, err.code];
  return new AppError('VALIDATION', 'problem.validation', {}, [{
    field: `${fieldPrefix}.${err.subject}`, key: 'evaluation.compositeError',
    // The engine's own detail is English: the Chinese text keeps only its stable code, so it reads in one language.
    params: { zh: `${err.subject}：${zh}（${err.code}）`, en: `${err.subject}: ${en} (${err.code}: ${detail})` },
  }], { compositeError: { code: err.code, subject: err.subject } });
}
