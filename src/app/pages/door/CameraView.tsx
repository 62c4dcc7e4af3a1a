// Placeholder until the camera view lands (same props).
import type { Decoder } from '../../scanner/decoder';

export function CameraView(_props: {
  onCode(text: string, info: { frameAt: number }): void;
  paused?: boolean;
  createDecoder?: () => Promise<Decoder>;
}) {
  return <div data-testid="camera-view" data-state="starting" />;
}
