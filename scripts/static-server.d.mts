export function startStaticServer(mounts: Record<string, string>, port?: number, headers?: Record<string, string>): Promise<{ origin: string; close: () => Promise<void> }>;
