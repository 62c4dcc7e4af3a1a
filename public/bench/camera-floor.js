/* global document, navigator, performance */
// Opens the camera, shows it and marks its first presented frame (see camera-floor.html).
const video = document.getElementById('v');
const stream = await navigator.mediaDevices.getUserMedia({
  video: { facingMode: 'environment' },
  audio: false,
});
performance.mark('hadir:floor-camera-open');
video.srcObject = stream;
video.requestVideoFrameCallback(() => performance.mark('hadir:floor-first-frame'));
void video.play();
