/** Server-side texts of intelligence.clean (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'intelligence.clean.forbidden': 'Cannot read this document',
  'intelligence.clean.empty': '{file}: the file is empty',
  'intelligence.clean.unsupported': '{file}: not a readable document (supported: HTML, plain text, PDF, DOCX)',
  'intelligence.clean.encrypted': '{file}: the PDF is password-protected; remove the password and upload it again',
  'intelligence.clean.too_large': '{file}: the file is too large ({size}; the limit is {limit})',
  'intelligence.clean.no_text_layer': '{file}: the PDF has no text layer (scanned pages); run OCR on it first',
  'intelligence.clean.no_article': '{file}: no article text found on this page',
  'intelligence.clean.corrupt': '{file}: the file is damaged and cannot be read',
} as const;

const zh: Record<keyof typeof en, string> = {
  'intelligence.clean.forbidden': '无法读取该文档',
  'intelligence.clean.empty': '{file}：文件为空',
  'intelligence.clean.unsupported': '{file}：不是可读取的文档（支持 HTML、纯文本、PDF、DOCX）',
  'intelligence.clean.encrypted': '{file}：该 PDF 设有密码，请去除密码后重新上传',
  'intelligence.clean.too_large': '{file}：文件过大（{size}，上限为 {limit}）',
  'intelligence.clean.no_text_layer': '{file}：该 PDF 没有文字层（扫描页面），请先进行文字识别（OCR）',
  'intelligence.clean.no_article': '{file}：此页面中未找到正文',
  'intelligence.clean.corrupt': '{file}：文件已损坏，无法读取',
};

export const cleanMessages = { en, zh };
