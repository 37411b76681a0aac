// Ways an email can make the reader's browser fetch something from the sender's servers before
// the reader asks (tracking pixels, read receipts, fingerprinting): HTML attributes, CSS in every
// spelling and escape, SVG, media, preloads and navigations. The unit test runs them through the
// sanitiser; the browser test renders each as an email behind a counting proxy and expects 0 requests.
export const REMOTE_HOST = "evil.test";
const H = `https://${REMOTE_HOST}`;

export const REMOTE_LOAD_VECTORS: string[] = [
  // The eight that reached the network before the email frame had its own policy (issue #11).
  `<div style="background-image:image-set('${H}/image-set-attr.png' 1x);height:20px">a</div>`,
  `<style>.is2{background-image:image-set("${H}/image-set-style.png" 1x);height:20px}</style><div class="is2">b</div>`,
  `<div style="background:\\75 rl(${H}/css-escaped-url.png);height:20px">c</div>`,
  `<img src="https:${REMOTE_HOST}/no-slashes.png" alt="d">`,
  `<img src="http:\\\\${REMOTE_HOST}\\backslashes.png" alt="e">`,
  `<video poster="${H}/poster.png" width="40" height="20"></video>`,
  `<svg width="20" height="20"><image href="${H}/svg-image.png" width="20" height="20"/></svg>`,
  `<style>@\\69mport "${H}/escaped-import.css";</style>`,
  // Images.
  `<img src="${H}/img.png" alt="img">`,
  `<img srcset="${H}/srcset.png 1x" alt="srcset">`,
  `<img src="//${REMOTE_HOST}/protocol-relative.png" alt="rel">`,
  `<img src="	 ${H}/leading-space.png" alt="space">`,
  `<img src="HTTPS://${REMOTE_HOST.toUpperCase()}/upper.png" alt="upper">`,
  `<img src="${H}/lazy.png" loading="lazy" alt="lazy">`,
  `<picture><source srcset="${H}/picture-source.png"><img alt="picture"></picture>`,
  `<table background="${H}/table-background.png"><tr><td background="${H}/td-background.png">bg</td></tr></table>`,
  `<input type="image" src="${H}/input-image.png">`,
  // CSS url() in attributes, in every spelling.
  `<div style="background:url(${H}/url-bare.png);height:20px">u1</div>`,
  `<div style="background:url('${H}/url-single.png');height:20px">u2</div>`,
  `<div style='background:url("${H}/url-double.png");height:20px'>u3</div>`,
  `<div style="background:URL(${H}/url-upper.png);height:20px">u4</div>`,
  `<div style="background:u\\rl(${H}/url-letter-escape.png);height:20px">u5</div>`,
  `<div style="background:url(  '${H}/url-spaces.png'  );height:20px">u6</div>`,
  `<div style="background:url(&#104;ttps://${REMOTE_HOST}/url-entity.png);height:20px">u7</div>`,
  `<div style="background:url(\\68 ttps://${REMOTE_HOST}/url-hex-escape.png);height:20px">u8</div>`,
  `<div style="background:url(&quot;${H}/url-quot-entity.png&quot;);height:20px">u9</div>`,
  `<div style="background-image:image-set(url(${H}/image-set-url.png) 1x);height:20px">u10</div>`,
  `<div style="background-image:-webkit-image-set(url(${H}/webkit-image-set.png) 1x);height:20px">u11</div>`,
  `<div style="--u:url(${H}/custom-property.png);background:var(--u);height:20px">u12</div>`,
  `<ul style="list-style-image:url(${H}/list-style.png)"><li>list</li></ul>`,
  `<div style="cursor:url(${H}/cursor.cur),auto;height:20px">cursor</div>`,
  `<div style="border:10px solid;border-image:url(${H}/border-image.png) 30 round">border</div>`,
  `<div style="mask-image:url(${H}/mask.png);-webkit-mask-image:url(${H}/webkit-mask.png);height:20px">mask</div>`,
  // CSS in <style>.
  `<style>.c1{background:url(${H}/style-url.png);height:20px}</style><div class="c1">s1</div>`,
  `<style>.c2{background:\\000075rl(${H}/style-long-escape.png);height:20px}</style><div class="c2">s2</div>`,
  `<style>@import url(${H}/import-url.css);</style>`,
  `<style>@import '${H}/import-string.css';</style>`,
  `<style>@IMPORT "${H}/import-upper.css" screen;</style>`,
  `<style>@font-face{font-family:evil;src:url(${H}/font.woff2)}</style><p style="font-family:evil">font</p>`,
  `<style>.c3::before{content:url(${H}/content.png)}</style><p class="c3">s3</p>`,
  `<style>:root{--evil:url(${H}/root-var.png)}.c4{background:var(--evil);height:20px}</style><div class="c4">s4</div>`,
  `<style>.c5{cursor:url(${H}/style-cursor.cur),auto;list-style-image:url(${H}/style-list.png)}</style><ul class="c5"><li>s5</li></ul>`,
  // Links, meta and base.
  `<link rel="stylesheet" href="${H}/link.css">`,
  `<link rel="preload" as="image" href="${H}/preload.png">`,
  `<link rel="prefetch" href="${H}/prefetch.html">`,
  `<link rel="icon" href="${H}/favicon.ico">`,
  `<meta http-equiv="refresh" content="0;url=${H}/meta-refresh">`,
  `<base href="${H}/"><img src="relative-after-base.png" alt="base">`,
  // Embedded documents and media.
  `<object data="${H}/object.swf"></object>`,
  `<embed src="${H}/embed.swf">`,
  `<iframe src="${H}/iframe.html"></iframe>`,
  `<audio src="${H}/audio.mp3" autoplay></audio>`,
  `<video src="${H}/video.mp4" autoplay muted></video>`,
  `<video><source src="${H}/video-source.mp4"></video>`,
  `<video><track kind="captions" src="${H}/track.vtt" default></video>`,
  // SVG.
  `<svg width="20" height="20"><use href="${H}/use.svg#a"/></svg>`,
  `<svg width="20" height="20"><use xlink:href="${H}/use-xlink.svg#a"/></svg>`,
  `<svg width="20" height="20"><image xlink:href="${H}/svg-image-xlink.png" width="20" height="20"/></svg>`,
  `<svg width="20" height="20"><filter id="f"><feImage href="${H}/feimage.png"/></filter><rect filter="url(#f)" width="20" height="20"/></svg>`,
  `<svg width="20" height="20"><style>@import url(${H}/svg-style-import.css);rect{fill:url(${H}/svg-fill.svg#p)}</style><rect width="20" height="20"/></svg>`,
  `<svg width="20" height="20"><rect width="20" height="20" style="fill:url(${H}/svg-style-attr.svg#p)"/></svg>`,
];

/** An email with one remote image: shown only after the reader asks. */
export const SHOW_ON_REQUEST_HOST = "images.test";
export const SHOW_ON_REQUEST_HTML = `<p>Our new menu</p><img src="https://${SHOW_ON_REQUEST_HOST}/menu.png" alt="menu" width="40" height="20">`;
