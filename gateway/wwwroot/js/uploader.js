// Upload by file picker or drag and drop: one request per file so each file gets its own progress and
// result, two at a time.
import { uploadFile } from './api.js';
import { announce, h } from './dom.js';

const parallel = 2;

export function uploader({ albumId, onUploaded }) {
  const input = h('input', { type: 'file', id: 'upload-files', name: 'file', multiple: true, accept: 'image/*,video/*', class: 'visually-hidden' });
  const results = h('ul', { class: 'upload-results', 'aria-label': 'Uploads' });
  const zone = h('section', { class: 'upload', 'aria-labelledby': 'upload-heading' },
    h('h2', { id: 'upload-heading', class: 'visually-hidden' }, 'Upload'),
    h('p', {},
      h('label', { for: 'upload-files', class: 'button' }, 'Upload photos or videos'),
      ' or drop files here.'),
    input,
    results);

  // Lists the file at once and returns the job that uploads it when a worker gets to it.
  function prepare(file) {
    const progress = h('progress', { max: 1, value: 0, 'aria-label': `Progress of ${file.name}` });
    const outcome = h('span', { class: 'outcome' }, 'Waiting…');
    const row = h('li', {}, h('span', { class: 'file-name' }, file.name), progress, outcome);
    results.prepend(row);
    return async () => {
      outcome.textContent = 'Uploading…';
      try {
        const media = await uploadFile(file, { albumId, onProgress: (fraction) => { progress.value = fraction; } });
        progress.value = 1;
        outcome.textContent = 'Uploaded';
        onUploaded(media);
        return true;
      } catch (error) {
        progress.remove();
        outcome.textContent = `Refused: ${error.message}`;
        row.classList.add('failed');
        return false;
      }
    };
  }

  async function uploadAll(files) {
    if (files.length === 0) {
      return;
    }
    const jobs = files.map(prepare);
    let next = 0;
    let succeeded = 0;
    const worker = async () => {
      while (next < jobs.length) {
        if (await jobs[next++]()) {
          succeeded++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
    const refused = jobs.length - succeeded;
    announce(`Uploaded ${succeeded} of ${jobs.length} file${jobs.length === 1 ? '' : 's'}${refused ? `; ${refused} refused` : ''}.`);
  }

  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';
    uploadAll(files);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    uploadAll([...event.dataTransfer.files]);
  });
  return zone;
}
