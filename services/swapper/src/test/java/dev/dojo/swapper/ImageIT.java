package dev.dojo.swapper;

import dev.dojo.testing.JibImageContract;

/** The swapper image (built daemonlessly by the image-check profile) runs the right class, port and user. */
class ImageIT extends JibImageContract {

    @Override
    protected String mainClass() {
        return Application.class.getName();
    }

    @Override
    protected int port() {
        return 8083;
    }
}
