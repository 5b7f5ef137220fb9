// Shows an API problem (field errors included) as a message, in the UI language (the server already translated it).
import { App } from 'antd';
import { isApiError } from '../../../shared/api/client';

export function useProblemToast() {
  const { message } = App.useApp();
  return (e: unknown) => {
    if (isApiError(e)) {
      const fields = e.fieldErrors.map((f) => f.message).join('; ');
      void message.error(fields || e.message);
    } else void message.error(String(e));
  };
}
