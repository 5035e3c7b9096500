package dev.dojo.eval;

import dev.dojo.testing.JibImageContract;

/** The eval image (built daemonlessly by the image-check profile) runs the right class, port and user. */
class ImageIT extends JibImageContract {

    @Override
    protected String mainClass() {
        return Application.class.getName();
    }

    @Override
    protected int port() {
        return 8082;
    }
}
