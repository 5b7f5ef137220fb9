// What every match shows, whether an offer, a demand or an expert: the score as a circle, whether it is confident,
// and the engine's reasons.
import { Progress, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { textLang } from '../../../shared/i18n/text-lang';

export const formatScore = (s: number) => (s <= 1 ? (s * 100).toFixed(0) : s.toFixed(0));

export function MatchScore({ score }: { score: number }) {
  return <Progress type="circle" size={52} percent={Math.round(score * (score <= 1 ? 100 : 1))} format={() => <span data-testid="match-score">{formatScore(score)}</span>} />;
}

export function ConfidenceTag({ confident }: { confident: boolean }) {
  const { t } = useI18n();
  return confident ? <Tag color="success">{t('transfer.matches.confident')}</Tag> : <Tag color="warning">{t('transfer.matches.lowConfidence')}</Tag>;
}

const HAN = /[\u3400-\u9fff]/;

/** "中文 / English" → the reader's half; anything else as it is. */
function pickHalf(text: string, zh: boolean): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  const [first, second] = [text.slice(0, at), text.slice(at + 3)];
  // Concepts are named "english / 中文", sentences "中文 / English": the half in the reader's script.
  if (HAN.test(first) === HAN.test(second)) return text;
  return zh === HAN.test(first) ? first : second;
}

/**
 * One reason of the engine in the reader's language. The engine writes each reason in both languages, either as a
 * sentence "中文 / English" or as a labelled list "标签 / label: term, term" whose terms are words of the records
 * (each in its record's language, so marked as such) or concepts named in both languages ("copper foil / 铜箔").
 */
export function WhyLine({ text }: { text: string }) {
  const { lang } = useI18n();
  const zh = lang !== 'en';
  const labelled = /^([^:/]*[\u3400-\u9fff][^:/]*) \/ ([^:\u3400-\u9fff]+): (.*)$/.exec(text);
  if (!labelled) return <>{pickHalf(text, zh)}</>;
  const terms = labelled[3]!.split(', ').map((term) => pickHalf(term, zh));
  return (
    <>
      {zh ? `${labelled[1]}：` : `${labelled[2]}: `}
      {terms.map((term, i) => (
        <span key={i}>
          {i > 0 ? (zh ? '、' : ', ') : null}
          <span lang={textLang(term)}>{term}</span>
        </span>
      ))}
    </>
  );
}

export function WhyList({ why, testId = 'match-why' }: { why: string[]; testId?: string }) {
  const { t } = useI18n();
  if (why.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{t('transfer.matches.why')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {why.map((w, i) => <li key={i}><WhyLine text={w} /></li>)}
      </ul>
    </div>
  );
}
