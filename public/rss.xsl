<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS feed opened in a browser as a readable Arabic page instead of
  raw XML. Feed readers ignore it.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title"/></title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
        <link rel="stylesheet" href="/rss.css"/>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="rss/channel/title"/></h1>
          <p><xsl:value-of select="rss/channel/description"/></p>
          <p class="about">
            هذه خلاصة RSS. انسخ عنوانها
            <code><xsl:value-of select="rss/channel/atom:link[@rel='self']/@href"/></code>
            إلى قارئ الخلاصات لديك لتصلك الأخبار الجديدة أولًا بأول، أو
            <a href="{rss/channel/link}">عد إلى الموقع</a>.
          </p>
        </header>
        <main>
          <xsl:for-each select="rss/channel/item">
            <article>
              <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
              <!-- 00:00 is the time feeds give a dispatch dated without one: show its day alone. -->
              <xsl:choose>
                <xsl:when test="contains(pubDate, ' 00:00:00 ')"><time><xsl:value-of select="substring-before(pubDate, ' 00:00:00 ')"/></time></xsl:when>
                <xsl:otherwise><time><xsl:value-of select="pubDate"/></time></xsl:otherwise>
              </xsl:choose>
              <p><xsl:value-of select="description"/></p>
            </article>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
