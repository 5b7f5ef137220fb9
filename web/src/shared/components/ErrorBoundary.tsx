// Catches rendering errors (and failed lazy page loads after a redeploy) so a page fails visibly, with a reload.
import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { translate, LANG_STORAGE_KEY, type Lang } from '../i18n';

interface State {
  error: Error | null;
}

function currentLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const lang = currentLang();
    return (
      <Result
        status="error"
        title={translate(lang, 'common.error')}
        subTitle={this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {translate(lang, 'common.reload')}
          </Button>
        }
      />
    );
  }
}
