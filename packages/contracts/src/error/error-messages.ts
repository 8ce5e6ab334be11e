import type { ErrorCode } from './error-code';

/** A user-facing explanation of an error code, in both languages the product ships. */
export interface ErrorMessage {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * The bilingual catalog of error messages, keyed by code. The server puts the message in the body
 * for humans reading curl output; the console and CLI may translate the code themselves.
 */
export const errorMessages: Readonly<Record<ErrorCode, ErrorMessage>> = {
  'validation-failed': {
    'zh-CN': '请求内容不符合要求，请检查列出的字段。',
    en: 'The request is not valid; see the listed fields.',
  },
  'invalid-json': {
    'zh-CN': '请求体不是合法的 JSON。',
    en: 'The request body is not valid JSON.',
  },
  'catalog-invalid': {
    'zh-CN': '该变更会使目录不一致，未做任何修改。',
    en: 'The change would leave the catalog inconsistent; nothing was changed.',
  },
  'bad-request': {
    'zh-CN': '请求格式有误。',
    en: 'The request is malformed.',
  },
  'catalog-version-conflict': {
    'zh-CN': '目录已被他人修改，请刷新后重试。',
    en: 'The catalog was changed by someone else; reload and retry.',
  },
  'missing-api-key': {
    'zh-CN': '缺少 API 密钥：请使用 Authorization: Bearer <密钥> 或 X-Api-Key 请求头。',
    en: 'An API key is required: send Authorization: Bearer <key> or X-Api-Key.',
  },
  'invalid-api-key': {
    'zh-CN': 'API 密钥无效或已被吊销。',
    en: 'The API key is not valid or has been revoked.',
  },
  forbidden: {
    'zh-CN': '该 API 密钥的角色无权执行此操作。',
    en: "The API key's role is not allowed to do this.",
  },
  'not-found': {
    'zh-CN': '找不到所请求的对象。',
    en: 'The requested item does not exist.',
  },
  'route-not-found': {
    'zh-CN': '没有这个接口。',
    en: 'There is no such route.',
  },
  'payload-too-large': {
    'zh-CN': '请求体超过了允许的大小。',
    en: 'The request body is larger than allowed.',
  },
  'unsupported-media-type': {
    'zh-CN': '不支持该 Content-Type，请使用 application/json。',
    en: 'This Content-Type is not supported; use application/json.',
  },
  'rate-limited': {
    'zh-CN': '请求过于频繁，请稍后再试。',
    en: 'Too many requests for this API key; retry later.',
  },
  'not-ready': {
    'zh-CN': '服务尚未就绪。',
    en: 'The service is not ready.',
  },
  'internal-error': {
    'zh-CN': '服务器内部错误，已记录。',
    en: 'Internal server error; it has been logged.',
  },
};
