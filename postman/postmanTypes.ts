/** The parts of Postman's collection format v2.1 this project writes. */
export interface PostmanHeader {
  key: string;
  value: string;
  disabled?: boolean;
}

export interface PostmanRequest {
  method: string;
  header: PostmanHeader[];
  url: { raw: string; host: string[]; path: string[]; query?: { key: string; value: string }[] };
  body?: { mode: 'raw'; raw: string; options: { raw: { language: 'json' } } };
  description?: string;
}

export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { type: 'text/javascript'; exec: string[] };
}

export interface PostmanResponse {
  name: string;
  originalRequest: PostmanRequest;
  status: string;
  code: number;
  _postman_previewlanguage: string;
  header: PostmanHeader[];
  body: string;
}

export interface PostmanItem {
  name: string;
  description?: string;
  request: PostmanRequest;
  event?: PostmanEvent[];
  response: PostmanResponse[];
  /** Only in the run that generates the examples (writePostmanFiles.ts); never written. */
  protocolProfileBehavior?: { disabledSystemHeaders?: Record<string, boolean> };
}

export interface PostmanFolder {
  name: string;
  description?: string;
  item: PostmanItem[];
}

export interface PostmanCollection {
  info: { name: string; description: string; schema: string; _postman_id?: string };
  event: PostmanEvent[];
  item: PostmanFolder[];
}

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: boolean }[];
  _postman_variable_scope: 'environment';
}
