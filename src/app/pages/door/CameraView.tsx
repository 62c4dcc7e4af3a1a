// The door's camera: a live picture with the aiming square, decoding every frame (see
// src/app/scanner/camera.ts). It owns the camera only while the page is visible, so a phone in a
// pocket or another app never finds it busy, and it explains every camera problem with steps.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../i18n/i18n';
import { pickText, useLang } from '../../i18n/i18n';
import type { CameraFacing, CameraProblemCode, CodesRead } from '../../scanner/camera';
import {
  cameraProblem,
  classifyCameraError,
  listCameras,
  openCamera,
  releaseStream,
  setTorch,
  startFrameLoop,
  torchSupported,
} from '../../scanner/camera';
import type { Decoder } from '../../scanner/decoder';
import type { DecoderHealth, SupervisedDecoder } from '../../scanner/decoder-supervisor';
import { superviseDecoder } from '../../scanner/decoder-supervisor';
import { claimEarlyCamera } from '../../scanner/camera-early';
import { claimAppDecoder, takeEarlyRead } from '../../scanner/decoder-early';
import type { ViewRect } from '../../scanner/frame-region';
import { centredSquareRegion, regionInView } from '../../scanner/frame-region';
import { markOnce } from '../../lib/marks';

export interface CameraViewProps {
  /**
   * A code was read. The same text is not reported again while it stays in view. A returned
   * promise (the scan being saved and shown) holds the next decode until it settles.
   */
  onCode(text: string, info: { frameAt: number }): void | Promise<unknown>;
  /** Keep the camera on but stop decoding (e.g. while a verdict is shown). */
  paused?: boolean;
  /** Default: the app's decoder module, loaded lazily. */
  createDecoder?: () => Promise<Decoder>;
}

export type CameraViewState = 'starting' | 'live' | 'problem' | 'paused' | 'hidden';

/** A code seen again within this time (ms) of its last sighting counts as still in view. */
const REPEAT_MS = 1500;

const TEXT = {
  switchCamera: { id: 'Ganti kamera', en: 'Switch camera' },
  torchOn: { id: 'Nyalakan lampu', en: 'Turn light on' },
  torchOff: { id: 'Matikan lampu', en: 'Turn light off' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  starting: { id: 'Membuka kamera…', en: 'Opening the camera…' },
  aim: { id: 'Arahkan kode QR ke kotak', en: 'Point the QR code at the square' },
};

function isVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** The camera picture that reads QR codes; calls onCode for each new code in view. */
export function CameraView(props: CameraViewProps) {
  const lang = useLang();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [visible, setVisible] = useState(isVisible);
  const [facing, setFacing] = useState<CameraFacing>('environment');
  const [attempt, setAttempt] = useState(0);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState<CameraProblemCode | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [torchOn, setTorchOn] = useState(false);
  const [decoder, setDecoder] = useState<SupervisedDecoder | null>(null);
  const [decoderHealth, setDecoderHealth] = useState<DecoderHealth>('starting');
  const [aim, setAim] = useState<ViewRect | null>(null);
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;
  const createDecoder = useRef(props.createDecoder ?? claimAppDecoder);
  const lastSeen = useRef(new Map<string, number>());

  useEffect(() => {
    const update = () => setVisible(isVisible());
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  // The decoder, the camera, the picture and the frame loop start in layout effects, in the
  // render that makes them possible rather than after the next paint: each hop after a paint
  // cost a budget tablet a frame or more of its cold start.
  // A decoder that dies is replaced; one that cannot be is a problem shown, never a "live" view
  // that reads nothing.
  useLayoutEffect(() => {
    const supervised = superviseDecoder({
      create: () => createDecoder.current(),
      onHealth: (health) => {
        if (health === 'ready') markOnce('decoder-ready');
        setDecoderHealth(health);
      },
    });
    setDecoder(supervised);
    return () => supervised.close();
  }, []);

  // The camera is held only while the page is visible; hiding releases it (light off).
  useLayoutEffect(() => {
    if (!visible) return;
    let live = true;
    let opened: MediaStream | null = null;
    setProblem(null);
    (claimEarlyCamera(facing) ?? openCamera({ facing })).then(
      (s) => {
        markOnce('camera-open');
        if (!live) return releaseStream(s);
        opened = s;
        setTorchOn(false);
        setStream(s);
        // Another app or the OS can take the camera away; stop() by us fires no 'ended'.
        s.getVideoTracks()[0]?.addEventListener('ended', () => live && setProblem('failed'));
        void listCameras().then((c) => live && setCameras(c));
      },
      (err: unknown) => live && setProblem(classifyCameraError(err)),
    );
    return () => {
      live = false;
      releaseStream(opened);
      setStream(null);
    };
  }, [visible, facing, attempt]);

  useLayoutEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    setPlaying(false);
    video.srcObject = stream;
    if (!stream) return;
    video.muted = true;
    video.play().catch(() => {}); // The 'playing' event is what counts.
    const onPlaying = () => (markOnce('camera-playing'), setPlaying(true));
    video.addEventListener('playing', onPlaying);
    return () => video.removeEventListener('playing', onPlaying);
  }, [stream]);

  useEffect(() => () => void (videoRef.current && (videoRef.current.srcObject = null)), []);

  const decoderReady = decoder !== null && decoderHealth === 'ready';
  // The frame loop starts with the stream, not once it plays: the first frame the camera
  // presents is then the first one decoded (at 10–15 fps, waiting for 'playing' lost one).
  const decoding = Boolean(stream && decoderReady && !props.paused && !problem);
  useLayoutEffect(() => {
    const video = videoRef.current;
    if (!video || !decoder || !decoding) return;
    const seen = lastSeen.current;
    const onCodes = ({ texts, frameAt }: CodesRead) => {
      const pending: Promise<unknown>[] = [];
      for (const text of texts) {
        const last = seen.get(text);
        seen.set(text, frameAt);
        if (last === undefined || frameAt - last > REPEAT_MS) {
          const scanning = onCode.current(text, { frameAt });
          if (scanning) pending.push(scanning);
        }
      }
      for (const [t, at] of seen) if (frameAt - at > REPEAT_MS) seen.delete(t);
      return pending.length > 0 ? Promise.allSettled(pending) : undefined;
    };
    const loop = startFrameLoop({ video, decoder, onCodes });
    // A code the decoder read before this screen existed (decoder-early.ts), handed over once its
    // watching has stopped; read again by the loop meanwhile, it is the same scan (REPEAT_MS).
    let live = true;
    void takeEarlyRead().then((early) => {
      if (live && early) void onCodes(early);
    });
    return () => {
      live = false;
      loop.stop();
    };
  }, [decoder, decoding]);

  // The aiming square is a hint where to hold a code; the whole frame is decoded (camera.ts).
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const measure = () => {
      const frame = { width: video.videoWidth, height: video.videoHeight };
      const region = centredSquareRegion(frame);
      const view = { width: video.clientWidth, height: video.clientHeight };
      setAim(region && regionInView(frame, region, view, 'cover'));
    };
    // The video's events come while the page may still be laid out (a cold start): measuring
    // then forced a layout mid-start, so they measure in the next frame. The ResizeObserver
    // reports after layout, when measuring is free.
    let frame = 0;
    const place = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    place();
    video.addEventListener('loadedmetadata', place);
    video.addEventListener('resize', place);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(video);
    return () => {
      cancelAnimationFrame(frame);
      video.removeEventListener('loadedmetadata', place);
      video.removeEventListener('resize', place);
      observer?.disconnect();
    };
  }, []);

  const track = stream?.getVideoTracks()[0];
  // The track knows which way its camera faces; a laptop webcam may not say, then trust ours.
  const trackFacing = track?.getSettings().facingMode;
  const mirrored = trackFacing ? trackFacing === 'user' : facing === 'user';
  const shownProblem: CameraProblemCode | null =
    problem ?? (decoderHealth === 'failed' ? 'decoder' : null);
  const state: CameraViewState = shownProblem
    ? 'problem'
    : !visible
      ? 'hidden'
      : !stream || !playing || !decoderReady
        ? 'starting'
        : props.paused
          ? 'paused'
          : 'live';

  // Front/back by facing, not by device: phones list several back cameras (wide, tele) and
  // cycling through them lands on ones that cannot focus on a ticket.
  const switchCamera = () => setFacing((f) => (f === 'environment' ? 'user' : 'environment'));
  const toggleTorch = () => {
    if (!track) return;
    const next = !torchOn;
    setTorch(track, next).then(
      () => setTorchOn(next),
      () => {}, // The light refused; the button keeps showing its real state.
    );
  };
  const retry = () => {
    setProblem(null);
    if (decoderHealth === 'failed') decoder?.retry();
    setAttempt((a) => a + 1);
  };

  return (
    <div class="camera-view" data-testid="camera-view" data-state={state}>
      <video
        ref={videoRef}
        class={mirrored ? 'camera-video camera-mirror' : 'camera-video'}
        playsInline
        muted
        autoPlay
        aria-label={pickText(TEXT.aim, lang)}
      />
      {aim && state !== 'problem' && (
        <div
          class="camera-aim"
          aria-hidden="true"
          style={{ left: aim.left, top: aim.top, width: aim.width, height: aim.height }}
        />
      )}
      {state === 'starting' && <p class="camera-status">{pickText(TEXT.starting, lang)}</p>}
      {shownProblem ? (
        <CameraProblemScreen code={shownProblem} lang={lang} onRetry={retry} />
      ) : (
        <div class="camera-controls">
          {cameras.length > 1 && (
            <button
              type="button"
              class="camera-button"
              data-testid="camera-switch"
              onClick={switchCamera}
            >
              {pickText(TEXT.switchCamera, lang)}
            </button>
          )}
          {torchSupported(track) && (
            <button
              type="button"
              class="camera-button"
              data-testid="camera-torch"
              aria-pressed={torchOn}
              onClick={toggleTorch}
            >
              {pickText(torchOn ? TEXT.torchOff : TEXT.torchOn, lang)}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function CameraProblemScreen(props: { code: CameraProblemCode; lang: Lang; onRetry(): void }) {
  const p = cameraProblem(props.code);
  const other: Lang = props.lang === 'en' ? 'id' : 'en';
  return (
    <div class="camera-problem" role="alert" data-testid="camera-problem" data-problem={props.code}>
      <h2>{pickText(p.title, props.lang)}</h2>
      <ol>
        {p.steps.map((s) => (
          <li key={s.en}>{pickText(s, props.lang)}</li>
        ))}
      </ol>
      {/* The other language too: whoever holds the phone may read only one of them. */}
      <div class="camera-problem-other" lang={other}>
        <p>{pickText(p.title, other)}</p>
        <ol>
          {p.steps.map((s) => (
            <li key={s.en}>{pickText(s, other)}</li>
          ))}
        </ol>
      </div>
      <button type="button" class="camera-button" onClick={props.onRetry}>
        {pickText(TEXT.retry, props.lang)} / {pickText(TEXT.retry, other)}
      </button>
    </div>
  );
}
